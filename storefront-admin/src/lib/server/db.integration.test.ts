import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, generateSessionToken, sessionIdFromToken } from "./session";
import { bundledMigrations, runMigrations } from "./migrate";
import { createSigninAttemptStore, evaluateSigninLimit } from "./rate-limit";
import { createSessionStore, type SessionStaff } from "./session-store";

/**
 * PostgreSQL-backed tests: migrations, the session store and the sign-in attempt store.
 * Run with `npm run test:integration` and DATABASE_URL set (the test harness provides it).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("The integration tests need DATABASE_URL, e.g. postgres://voltura:voltura@127.0.0.1:55432/voltura_test");

const pool = new pg.Pool({ connectionString: url, max: 4 });
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const staff: SessionStaff = { id: `user_it_${run}`, email: `it-${run}@voltura.test`, name: "Integration Tester", role: "cashier" };

beforeAll(async () => {
  await runMigrations(pool);
});

afterAll(async () => {
  await pool.query("DELETE FROM console.session WHERE staff_id = $1", [staff.id]);
  await pool.query("DELETE FROM console.signin_attempt WHERE email LIKE $1", [`%${run}%`]);
  await pool.end();
});

describe("migrations", () => {
  it("are idempotent, also when several processes start at once", async () => {
    const results = await Promise.all([runMigrations(pool), runMigrations(pool), runMigrations(pool)]);
    expect(results.flat()).toEqual([]);
    const { rows } = await pool.query<{ name: string }>("SELECT name FROM console.schema_migration ORDER BY name");
    expect(rows.map((r) => r.name)).toEqual(bundledMigrations().map((m) => m.name));
  });

  it("create the session and signin_attempt tables in the console schema", async () => {
    const { rows } = await pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'console' ORDER BY table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["session", "signin_attempt", "schema_migration"]));
  });
});

describe("session store", () => {
  let now = new Date("2026-11-24T06:00:00Z");
  const store = createSessionStore(pool, () => now);

  it("stores only the SHA-256 of the token, and finds the session by the token", async () => {
    const token = generateSessionToken();
    const session = await store.create(token, staff);
    const { rows } = await pool.query("SELECT * FROM console.session WHERE staff_id = $1", [staff.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(sessionIdFromToken(token));
    expect(JSON.stringify(rows[0])).not.toContain(token);
    const found = await store.validate(token);
    expect(found).toMatchObject({ id: session.id, staff });
    expect(await store.validate(generateSessionToken())).toBeNull();
    await store.invalidate(session.id);
    expect(await store.validate(token)).toBeNull();
  });

  it("deletes an expired session when it is presented", async () => {
    now = new Date("2026-11-24T06:00:00Z");
    const token = generateSessionToken();
    const session = await store.create(token, staff);
    now = new Date(now.getTime() + 7 * DAY_MS);
    expect(await store.validate(token)).toBeNull();
    const { rowCount } = await pool.query("SELECT 1 FROM console.session WHERE id = $1", [session.id]);
    expect(rowCount).toBe(0);
  });

  it("updates the role of open sessions and signs a staff member out everywhere", async () => {
    now = new Date();
    const a = generateSessionToken();
    const b = generateSessionToken();
    await store.create(a, staff);
    await store.create(b, staff);
    await store.updateStaff(staff.id, { role: "technician" });
    expect((await store.validate(a))?.staff.role).toBe("technician");
    expect(await store.invalidateAllFor(staff.id)).toBeGreaterThanOrEqual(2);
    expect(await store.validate(b)).toBeNull();
  });
});

describe("sign-in attempt store", () => {
  it("counts failures per IP address across emails, and a success does not clear them", async () => {
    const attempts = createSigninAttemptStore(pool);
    const ip = `ip-${run}`;
    for (let i = 0; i < 30; i++) await attempts.recordFailure(`Limit-${i}-${run}@Voltura.Test`, ip);
    expect(evaluateSigninLimit(await attempts.recentFailures(ip), new Date()).allowed).toBe(false);
    expect(await attempts.recentFailures(`${ip}9`)).toHaveLength(0);
  });
});
