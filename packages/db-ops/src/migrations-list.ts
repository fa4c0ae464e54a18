import type pg from "pg";
import { withClient } from "./pg.js";

/**
 * Applied migrations: MikroORM module migrations by name, Medusa's data scripts as `script:<name>` (finished
 * only) and link-table migrations as `link:<table>`. Sorted, unique. Tables that do not exist are skipped.
 */
export async function appliedMigrationsWith(client: pg.ClientBase): Promise<string[]> {
  const { rows: present } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND c.relname IN ('mikro_orm_migrations', 'script_migrations', 'link_module_migrations')`,
  );
  const has = new Set(present.map((row) => row.name));
  const names = new Set<string>();
  if (has.has("mikro_orm_migrations")) {
    const { rows } = await client.query<{ name: string | null }>("SELECT name FROM public.mikro_orm_migrations");
    for (const row of rows) if (row.name) names.add(row.name);
  }
  if (has.has("script_migrations")) {
    const { rows } = await client.query<{ name: string }>("SELECT script_name AS name FROM public.script_migrations WHERE finished_at IS NOT NULL");
    for (const row of rows) names.add(`script:${row.name}`);
  }
  if (has.has("link_module_migrations")) {
    const { rows } = await client.query<{ name: string }>("SELECT table_name AS name FROM public.link_module_migrations");
    for (const row of rows) names.add(`link:${row.name}`);
  }
  return [...names].sort();
}

export async function appliedMigrations(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, appliedMigrationsWith);
}

/** Pure: what differs between two migration lists. */
export function diffMigrations(actual: string[], expected: string[]): { missing: string[]; extra: string[] } {
  const have = new Set(actual);
  const want = new Set(expected);
  return { missing: expected.filter((name) => !have.has(name)), extra: actual.filter((name) => !want.has(name)) };
}
