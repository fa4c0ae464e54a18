import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "./migrate";
import { DAY_MS, generateSessionToken, HOUR_MS, MINUTE_MS, sessionIdFromToken, sessionPolicy } from "./session";
import { createSessionStore, type SessionStaff } from "./session-store";

/** Idle timeout, absolute lifetime and last-use tracking of console sessions, on PostgreSQL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("The integration tests need DATABASE_URL, e.g. postgres://voltura:voltura@127.0.0.1:55432/voltura_test");

const pool = new pg.Pool({ connectionString: url, max: 4 });
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const staff: SessionStaff = { id: `user_sess_${run}`, email: `sess-${run}@voltura.test`, name: "Session Tester", role: "technician" };
const signedIn = new Date("2026-11-24T06:00:00Z");

let now = signedIn;
const clock = () => now;
const store = createSessionStore(pool, clock, sessionPolicy({ SESSION_IDLE_TIMEOUT_HOURS: 12, SESSION_MAX_AGE_DAYS: 7 }));

async function row(id: string) {
  const { rows } = await pool.query<{ last_used_at: Date; expires_at: Date; created_at: Date }>(
    "SELECT last_used_at, expires_at, created_at FROM console.session WHERE id = $1",
    [id],
  );
  return rows[0];
}

async function signIn() {
  now = signedIn;
  const token = generateSessionToken();
  const session = await store.create(token, staff);
  return { token, id: session.id, session };
}

beforeAll(async () => {
  await runMigrations(pool);
});

afterAll(async () => {
  await pool.query("DELETE FROM console.session WHERE staff_id = $1", [staff.id]);
  await pool.end();
});

describe("console sessions on PostgreSQL", () => {
  it("are created with a 7-day absolute end and the sign-in time as last use", async () => {
    const { id, session } = await signIn();
    expect(session.expiresAt.getTime()).toBe(signedIn.getTime() + 7 * DAY_MS);
    expect(await row(id)).toEqual({ created_at: signedIn, last_used_at: signedIn, expires_at: session.expiresAt });
  });

  it("write the last use at most once a minute", async () => {
    const { token, id } = await signIn();
    now = new Date(signedIn.getTime() + 59_000);
    expect(await store.validate(token)).not.toBeNull();
    expect((await row(id))?.last_used_at).toEqual(signedIn);
    now = new Date(signedIn.getTime() + MINUTE_MS);
    expect((await store.validate(token))?.lastUsedAt).toEqual(now);
    expect((await row(id))?.last_used_at).toEqual(now);
  });

  it("die after 12 hours without use, and are deleted", async () => {
    const { token, id } = await signIn();
    now = new Date(signedIn.getTime() + 3 * HOUR_MS);
    expect(await store.validate(token)).not.toBeNull();
    now = new Date(signedIn.getTime() + 15 * HOUR_MS - 1);
    expect(await store.validate(token)).not.toBeNull();
    now = new Date(signedIn.getTime() + 27 * HOUR_MS);
    expect(await store.validate(token)).toBeNull();
    expect(await row(id)).toBeUndefined();
  });

  it("die 7 days after sign-in even when used every hour, never extended", async () => {
    const { token, id, session } = await signIn();
    for (let h = 1; h < 7 * 24; h += 6) {
      now = new Date(signedIn.getTime() + h * HOUR_MS);
      expect((await store.validate(token))?.expiresAt, `hour ${h}`).toEqual(session.expiresAt);
    }
    expect((await row(id))?.expires_at).toEqual(session.expiresAt);
    now = new Date(signedIn.getTime() + 7 * DAY_MS);
    expect(await store.validate(token)).toBeNull();
    expect(await row(id)).toBeUndefined();
  });

  it("end at a lowered maximum age, also for sessions made under the old one", async () => {
    const { token } = await signIn();
    now = new Date(signedIn.getTime() + 2 * DAY_MS);
    const stricter = createSessionStore(pool, clock, sessionPolicy({ SESSION_IDLE_TIMEOUT_HOURS: 12, SESSION_MAX_AGE_DAYS: 1 }));
    await pool.query("UPDATE console.session SET last_used_at = $2 WHERE id = $1", [sessionIdFromToken(token), now]);
    expect(await stricter.validate(token)).toBeNull();
  });

  it("are swept when idle or past their end, and kept otherwise", async () => {
    const idle = await signIn();
    const busy = await signIn();
    const young = await signIn();
    await pool.query("UPDATE console.session SET created_at = $2, expires_at = $3, last_used_at = $2 WHERE id = $1", [
      young.id, new Date(signedIn.getTime() + 6 * DAY_MS), new Date(signedIn.getTime() + 13 * DAY_MS),
    ]);
    now = new Date(signedIn.getTime() + 6 * DAY_MS + HOUR_MS);
    await pool.query("UPDATE console.session SET last_used_at = $2 WHERE id = $1", [busy.id, new Date(now.getTime() - HOUR_MS)]);
    expect(await store.deleteExpired()).toBeGreaterThanOrEqual(1);
    expect(await row(idle.id)).toBeUndefined();
    expect(await row(busy.id)).toBeDefined();
    expect(await row(young.id)).toBeDefined();
    now = new Date(signedIn.getTime() + 7 * DAY_MS);
    await pool.query("UPDATE console.session SET last_used_at = $2 WHERE id = ANY($1)", [[busy.id, young.id], now]);
    await store.deleteExpired();
    expect(await row(busy.id)).toBeUndefined();
    expect(await row(young.id)).toBeDefined();
  });
});
