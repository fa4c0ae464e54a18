import { tableColumns, withClient } from "./sql.js";

/**
 * What operations learned since the backup was taken is not part of the shop's data: which backups
 * exist and which were verified, the restore tests, the optimisation runs. After the swap these
 * tables take the rows of the database that was live before the restore, so a restore never makes a
 * verified backup "unverified" again or forgets a test. Only columns both databases have are copied.
 */
export const OPERATIONS_HISTORY_TABLES = ["operations_backup", "operations_restore_test", "operations_optimisation_run"] as const;

export async function carryOperationsHistory(fromUrl: string, toUrl: string): Promise<string[]> {
  const carried: string[] = [];
  for (const table of OPERATIONS_HISTORY_TABLES) {
    const source = await withClient(fromUrl, async (c) => {
      const columns = await tableColumns(c, table);
      if (!columns.size) return null;
      const { rows } = await c.query(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${table} t`);
      return { columns, rows: rows[0]?.rows as unknown[] };
    });
    if (!source) continue;
    const moved = await withClient(toUrl, async (c) => {
      const target = await tableColumns(c, table);
      const shared = [...source.columns].filter((col) => target.has(col)).map((col) => `"${col}"`);
      if (!shared.length) return false;
      await c.query("BEGIN");
      try {
        await c.query(`DELETE FROM ${table}`);
        await c.query(
          `INSERT INTO ${table} (${shared.join(", ")}) SELECT ${shared.join(", ")} FROM json_populate_recordset(null::${table}, $1::json)`,
          [JSON.stringify(source.rows)],
        );
        await c.query("COMMIT");
      } catch (error) {
        await c.query("ROLLBACK");
        throw error;
      }
      return true;
    });
    if (moved) carried.push(`${table}: ${source.rows.length} rows`);
  }
  return carried;
}
