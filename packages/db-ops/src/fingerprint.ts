import type pg from "pg";
import type { TableFingerprint } from "./manifest.js";
import { quoteIdent, withClient } from "./pg.js";

/**
 * Session settings that make `row::text` the same on every server and session, so a checksum taken at
 * backup time equals the one taken after a restore.
 */
export const FINGERPRINT_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET extra_float_digits = 3",
  "SET DateStyle = 'ISO, MDY'",
  "SET IntervalStyle = 'postgres'",
  "SET bytea_output = 'hex'",
];

/** Every ordinary table (partitions included, partitioned parents not) of every non-system schema, extension-owned tables excluded. */
const listTablesSql = `
  SELECT n.nspname AS schema, c.relname AS "table"
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind = 'r'
     AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
     AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
   ORDER BY 1, 2`;

export async function listTables(client: pg.ClientBase): Promise<Array<{ schema: string; table: string }>> {
  const { rows } = await client.query<{ schema: string; table: string }>(listTablesSql);
  return rows;
}

/** Row count + order-independent checksum (`sum(hashtextextended(row::text, 0))`) of every table, on an open client. */
export async function fingerprintWith(client: pg.ClientBase): Promise<TableFingerprint[]> {
  for (const setting of FINGERPRINT_SETTINGS) await client.query(setting);
  const tables = await listTables(client);
  const result: TableFingerprint[] = [];
  for (const { schema, table } of tables) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows, coalesce(sum(hashtextextended(t::text, 0)), 0)::text AS checksum FROM ${quoteIdent(schema)}.${quoteIdent(table)} t`,
    );
    const row = rows[0];
    if (!row) throw new Error(`No fingerprint for ${schema}.${table}`);
    result.push({ schema, table, rows: Number(row.rows), checksum: row.checksum });
  }
  return result;
}

/** Fingerprints every table; with `snapshot`, inside a REPEATABLE READ transaction that imports it. */
export async function fingerprintDatabase(databaseUrl: string, options: { snapshot?: string } = {}): Promise<TableFingerprint[]> {
  return withClient(databaseUrl, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      if (options.snapshot) {
        if (!/^[0-9A-F-]+$/i.test(options.snapshot)) throw new Error(`Not a snapshot id: ${options.snapshot}`);
        await client.query(`SET TRANSACTION SNAPSHOT '${options.snapshot}'`);
      }
      return await fingerprintWith(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

export interface FingerprintComparison { ok: boolean; mismatches: string[] }

/** Names every table that is missing, extra, or differs in rows or checksum. Pure. */
export function compareFingerprints(actual: TableFingerprint[], expected: TableFingerprint[]): FingerprintComparison {
  const key = (t: { schema: string; table: string }) => `${t.schema}.${t.table}`;
  const actualByName = new Map(actual.map((t) => [key(t), t]));
  const expectedNames = new Set(expected.map(key));
  const mismatches: string[] = [];
  for (const want of expected) {
    const got = actualByName.get(key(want));
    if (!got) mismatches.push(`${key(want)}: table missing (manifest has ${want.rows} rows)`);
    else if (got.rows !== want.rows) mismatches.push(`${key(want)}: ${got.rows} rows, manifest has ${want.rows}`);
    else if (got.checksum !== want.checksum) mismatches.push(`${key(want)}: checksum differs with the same ${want.rows} rows`);
  }
  for (const got of actual) if (!expectedNames.has(key(got))) mismatches.push(`${key(got)}: table not in the manifest (${got.rows} rows)`);
  return { ok: mismatches.length === 0, mismatches };
}
