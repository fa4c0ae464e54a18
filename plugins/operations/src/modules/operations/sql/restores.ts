import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import type { RestoreRun } from "@voltura/contracts";
import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { OPERATIONS_SQL } from "./list-queries";
import { OperationsRefusal } from "./refusal";
import { RESTORE_RUN_COLUMNS, toRestoreRun } from "./rows";

const inProgress = (id: string) =>
  new OperationsRefusal("restore_in_progress", `Restore ${id} is still in progress; wait until it has finished or rolled back`);

/**
 * Creates a pending restore run with its Temporal start due, in one transaction (the start follows the commit;
 * the recovery job starts what a crash left due). One restore or copy at a time: 409 restore_in_progress.
 */
export async function createRestoreRun(db: SqlConnection, input: { backupId: string; mode: "restore" | "copy"; requestedBy: string }): Promise<RestoreRun> {
  try {
    return await db.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('operations:restore'))`);
      const [backup] = await rows(trx, `SELECT status, local, external FROM operations_backup WHERE id = ? AND deleted_at IS NULL`, [input.backupId]);
      if (!backup) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backup ${input.backupId} is not in the catalog`);
      if (backup.status !== "completed" || (!backup.local && !backup.external)) {
        throw new OperationsRefusal("backup_not_restorable", `Backup ${input.backupId} is ${backup.status === "completed" ? "in no storage" : String(backup.status)}; choose a completed backup`);
      }
      const [active] = await rows(trx, OPERATIONS_SQL.activeRestore);
      if (active) throw inProgress(String(active.id));
      const [row] = await rows(trx, `INSERT INTO operations_restore_run (id, backup_id, mode, status, requested_by, log, start_due)
        VALUES (?, ?, ?, 'pending', ?, '[]'::jsonb, true) RETURNING ${RESTORE_RUN_COLUMNS}`,
      [generateEntityId(undefined, "rr"), input.backupId, input.mode, input.requestedBy]);
      return toRestoreRun(row!);
    });
  } catch (err) {
    // Two requests at once on two instances: the one-active index refuses the second.
    if ((err as { code?: string; constraint?: string }).constraint === "IDX_operations_restore_run_one_active") throw inProgress("another");
    throw err;
  }
}

export async function listRestoreRuns(db: Sql, limit = 50): Promise<RestoreRun[]> {
  const found = await rows(db, OPERATIONS_SQL.restoreRuns, [limit]);
  return found.map(toRestoreRun);
}

export async function getRestoreRun(db: Sql, id: string): Promise<RestoreRun> {
  const [row] = await rows(db, `SELECT ${RESTORE_RUN_COLUMNS} FROM operations_restore_run WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Restore run ${id} was not found`);
  return toRestoreRun(row);
}
