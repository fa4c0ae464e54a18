import type pg from "pg";

export interface Migration {
  name: string;
  sql: string;
}

/** A fixed key for pg_advisory_lock, so concurrent console processes migrate one at a time. */
export const MIGRATION_LOCK_KEY = 7_412_026_001;

const files = import.meta.glob("./migrations/*.sql", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** The SQL files under ./migrations, bundled into the build, in name order. */
export function bundledMigrations(): Migration[] {
  return Object.entries(files)
    .map(([path, sql]) => ({ name: path.replace(/^.*\//, ""), sql }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The migrations not yet recorded, read without any DDL (the app's database role may not create anything). */
export async function pendingMigrations(pool: pg.Pool, migrations: Migration[] = bundledMigrations()): Promise<string[]> {
  const { rows } = await pool.query<{ table: string | null }>("SELECT to_regclass('console.schema_migration')::text AS table");
  if (!rows[0]?.table) return migrations.map((m) => m.name);
  const done = new Set((await pool.query<{ name: string }>("SELECT name FROM console.schema_migration")).rows.map((r) => r.name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}

/**
 * Applies every migration not yet recorded in console.schema_migration, each in its own
 * transaction, under a session-level advisory lock. Idempotent; returns the names applied.
 * When nothing is pending it changes nothing, so the console can run as a role without DDL
 * rights once the owner has migrated (docker compose's one-shot `migrate`).
 */
export async function runMigrations(pool: pg.Pool, migrations: Migration[] = bundledMigrations()): Promise<string[]> {
  if ((await pendingMigrations(pool, migrations)).length === 0) return [];
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query("CREATE SCHEMA IF NOT EXISTS console");
    await client.query(
      "CREATE TABLE IF NOT EXISTS console.schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set((await client.query<{ name: string }>("SELECT name FROM console.schema_migration")).rows.map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query("INSERT INTO console.schema_migration (name) VALUES ($1)", [migration.name]);
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`console migration ${migration.name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
