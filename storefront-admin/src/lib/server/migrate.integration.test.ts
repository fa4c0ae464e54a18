import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledMigrations, pendingMigrations, runMigrations } from "./migrate";
import { generateSessionToken } from "./session";
import { createSessionStore } from "./session-store";

/**
 * In compose the console connects as a role with DML rights only (deploy/postgres/app-role.sql);
 * the owner applies migrations. Starting must then change nothing and need no DDL.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("The integration tests need DATABASE_URL, e.g. postgres://voltura:voltura@127.0.0.1:55432/voltura_test");

const owner = new pg.Pool({ connectionString: url, max: 2 });
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const appRole = `console_app_it_${run}`;
const appPassword = `pw_${run}`;
let app: pg.Pool;

beforeAll(async () => {
  await runMigrations(owner);
  const database = (await owner.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
  await owner.query(`CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${appPassword}'`);
  await owner.query(`GRANT CONNECT ON DATABASE "${database}" TO ${appRole}`);
  await owner.query(`GRANT USAGE ON SCHEMA console TO ${appRole}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA console TO ${appRole}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA console TO ${appRole}`);
  const appUrl = new URL(url);
  appUrl.username = appRole;
  appUrl.password = appPassword;
  app = new pg.Pool({ connectionString: appUrl.toString(), max: 2 });
});

afterAll(async () => {
  await app?.end();
  await owner.query(`DELETE FROM console.session WHERE staff_id = $1`, [`user_${run}`]);
  await owner.query(`DROP OWNED BY ${appRole}`);
  await owner.query(`DROP ROLE IF EXISTS ${appRole}`);
  await owner.end();
});

describe("console migrations under a role without DDL rights", () => {
  it("find nothing pending once the owner has migrated", async () => {
    expect(await pendingMigrations(app)).toEqual([]);
  });

  it("start without touching the schema, and sessions work", async () => {
    expect(await runMigrations(app)).toEqual([]);
    const store = createSessionStore(app);
    const token = generateSessionToken();
    await store.create(token, { id: `user_${run}`, email: `${run}@voltura.test`, name: "App Role", role: "cashier" });
    expect(await store.validate(token)).not.toBeNull();
    expect(await store.deleteExpired()).toBeGreaterThanOrEqual(0);
  });

  it("really has no DDL rights (so the checks above mean something)", async () => {
    await expect(app.query("CREATE TABLE console.should_not_exist (id int)")).rejects.toThrow(/permission denied/);
  });

  it("report a pending migration to a role that cannot apply it, without applying anything", async () => {
    const extra = [...bundledMigrations(), { name: `9999_it_${run}.sql`, sql: "CREATE TABLE console.it_never (id int)" }];
    expect(await pendingMigrations(app, extra)).toEqual([`9999_it_${run}.sql`]);
    await expect(runMigrations(app, extra)).rejects.toThrow(/permission denied/);
    const { rows } = await owner.query("SELECT to_regclass('console.it_never') AS t");
    expect(rows[0].t).toBeNull();
  });
});
