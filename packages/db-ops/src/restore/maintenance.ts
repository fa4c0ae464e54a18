import { tableColumns, withClient } from "./sql.js";

const TABLE = "operations_maintenance";

/**
 * Maintenance mode's one row (`id = 'shop'`), written by SQL so it works with commerce down. While on, commerce refuses
 * writes (503 `maintenance_mode`). `since` keeps the first switch-on of a run. No table (a very old database): stdout only.
 */
export async function setMaintenance(databaseUrl: string, on: boolean, details: { reason: string; restoreRunId?: string; by: string }): Promise<void> {
  await withClient(databaseUrl, async (c) => {
    const columns = await tableColumns(c, TABLE);
    if (columns.size === 0) {
      console.log(`[restore] maintenance ${on ? "on" : "off"} (${details.reason}): this database has no ${TABLE} table yet`);
      return;
    }
    await c.query(
      `INSERT INTO ${TABLE} (id, "on", reason, restore_run_id, since, "by") VALUES ('shop', $1, $2, $3, now(), $4)
       ON CONFLICT (id) DO UPDATE SET "on" = EXCLUDED."on", reason = EXCLUDED.reason, restore_run_id = EXCLUDED.restore_run_id,
         since = CASE WHEN ${TABLE}."on" = EXCLUDED."on" THEN ${TABLE}.since ELSE now() END, "by" = EXCLUDED."by"${columns.has("updated_at") ? ", updated_at = now()" : ""}`,
      [on, details.reason, details.restoreRunId ?? null, details.by]);
  });
}

/** Marks a copy as neutralised (and not in maintenance: a copy is for looking at old data). */
export async function markNeutralised(databaseUrl: string, details: { reason: string; restoreRunId: string; by: string }): Promise<boolean> {
  return withClient(databaseUrl, async (c) => {
    const columns = await tableColumns(c, TABLE);
    if (columns.size === 0) return false;
    await c.query(
      `INSERT INTO ${TABLE} (id, "on", reason, restore_run_id, since, "by", neutralised) VALUES ('shop', false, $1, $2, now(), $3, true)
       ON CONFLICT (id) DO UPDATE SET "on" = false, reason = EXCLUDED.reason, restore_run_id = EXCLUDED.restore_run_id,
         since = now(), "by" = EXCLUDED."by", neutralised = true`, [details.reason, details.restoreRunId, details.by]);
    return true;
  });
}

/** Maintenance off, but only when this run switched it on (a refused restore leaves the row as it was). */
export async function releaseMaintenance(databaseUrl: string, restoreRunId: string, details: { reason: string; by: string }): Promise<boolean> {
  return withClient(databaseUrl, async (c) => {
    if ((await tableColumns(c, TABLE)).size === 0) return false;
    const { rowCount } = await c.query(
      `UPDATE ${TABLE} SET "on" = false, reason = $2, since = now(), "by" = $3 WHERE id = 'shop' AND "on" AND restore_run_id = $1`,
      [restoreRunId, details.reason, details.by]);
    return (rowCount ?? 0) > 0;
  });
}
