import pg from "pg";
import { withDatabase } from "./names.js";

export type Client = pg.Client;

/** One short-lived connection: a restore must hold none open across steps (the swap renames databases). */
export async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "voltura-restore" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The maintenance database of the same server: where CREATE / DROP / ALTER DATABASE run. */
export const adminUrl = (databaseUrl: string): string => withDatabase(databaseUrl, "postgres");

export async function tableColumns(client: pg.Client, table: string): Promise<Set<string>> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table]);
  return new Set(rows.map((r) => r.column_name));
}

export async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`, [table]);
  return rows.length > 0;
}

export async function databaseExists(databaseUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl(databaseUrl), async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rows.length > 0);
}
