import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { TASK_QUEUES } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { TEMPORAL_MODULE, type TemporalClientService } from "@voltura/plugin-platform/modules/temporal";
import { OPERATIONS_SQL } from "./sql/list-queries";


/** The worker's operations workflows this plugin starts, with their deterministic ids. */
export const OPERATIONS_WORKFLOWS = {
  backup: { workflowType: "runBackup", workflowId: (backupId: string) => `backup-${backupId}` },
  verify: { workflowType: "verifyBackupWorkflow", workflowId: (backupId: string, n: number) => `verify-${backupId}-${n}` },
  restore: { workflowType: "restoreBackup", workflowId: (runId: string) => `restore-${runId}` },
} as const;

/** The platform plugin's Temporal client (a start with a running id is not an error). */
const temporal = (container: MedusaContainer) => container.resolve<TemporalClientService>(TEMPORAL_MODULE);

/** Starts the manual backup whose start is due, then clears it. Answers the workflow id, null when nothing was due. */
export async function startDueBackup(container: MedusaContainer, backupId: string): Promise<string | null> {
  const db = sqlConnection(container);
  const [due] = await rows(db, `SELECT id, kind, requested_by FROM operations_backup WHERE id = ? AND start_due AND status = 'running'`, [backupId]);
  if (!due) return null;
  const workflowId = OPERATIONS_WORKFLOWS.backup.workflowId(backupId);
  await temporal(container).start({
    workflowType: OPERATIONS_WORKFLOWS.backup.workflowType, workflowId, taskQueue: TASK_QUEUES.repair,
    args: [{ kind: String(due.kind), backupId, requestedBy: String(due.requested_by ?? "owner") }],
  });
  await db.raw(`UPDATE operations_backup SET start_due = false, updated_at = now() WHERE id = ? AND start_due`, [backupId]);
  return workflowId;
}

/** Starts the verification request `n` of a backup if it is still due, then clears it. */
export async function startDueVerification(container: MedusaContainer, backupId: string): Promise<string | null> {
  const db = sqlConnection(container);
  const [due] = await rows(db, `SELECT verify_due FROM operations_backup WHERE id = ? AND verify_due IS NOT NULL`, [backupId]);
  if (!due) return null;
  const n = Number(due.verify_due);
  const workflowId = OPERATIONS_WORKFLOWS.verify.workflowId(backupId, n);
  await temporal(container).start({
    workflowType: OPERATIONS_WORKFLOWS.verify.workflowType, workflowId, taskQueue: TASK_QUEUES.repair, args: [{ backupId }],
  });
  await db.raw(`UPDATE operations_backup SET verify_due = NULL, updated_at = now() WHERE id = ? AND verify_due = ?`, [backupId, n]);
  return workflowId;
}

/** Starts the restore run whose start is due, then clears it. Only a pending run: the worker's run is never started twice. */
export async function startDueRestore(container: MedusaContainer, runId: string): Promise<string | null> {
  const db = sqlConnection(container);
  const [due] = await rows(db, `SELECT id, backup_id, mode, requested_by FROM operations_restore_run WHERE id = ? AND start_due AND status = 'pending'`, [runId]);
  if (!due) return null;
  const workflowId = OPERATIONS_WORKFLOWS.restore.workflowId(runId);
  await temporal(container).start({
    workflowType: OPERATIONS_WORKFLOWS.restore.workflowType, workflowId, taskQueue: TASK_QUEUES.repair,
    args: [{ runId, backupId: String(due.backup_id), mode: String(due.mode), requestedBy: String(due.requested_by ?? "owner") }],
  });
  await db.raw(`UPDATE operations_restore_run SET start_due = false, updated_at = now() WHERE id = ? AND start_due`, [runId]);
  return workflowId;
}

/**
 * Right after the commit: tries the due start. A failure (Temporal down) leaves it due for the recovery job; the
 * request still succeeds, since the row is the promise.
 */
export async function tryStart(container: MedusaContainer, start: () => Promise<string | null>, label: string): Promise<void> {
  try {
    await start();
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`${label}: the Temporal start stays due (${(err as Error).message})`);
  }
}

/** Every start a crash or an unreachable Temporal left due (the recovery job, every minute). */
export async function startEverythingDue(container: MedusaContainer): Promise<{ started: number; failed: number }> {
  const db = sqlConnection(container);
  const backups = await rows(db, OPERATIONS_SQL.dueBackups);
  const restores = await rows(db, OPERATIONS_SQL.dueRestores);
  const tasks: Array<() => Promise<string | null>> = [
    ...backups.flatMap((b) => [
      ...(b.start_due === true ? [() => startDueBackup(container, String(b.id))] : []),
      ...(b.verify_due !== null ? [() => startDueVerification(container, String(b.id))] : []),
    ]),
    ...restores.map((r) => () => startDueRestore(container, String(r.id))),
  ];
  let started = 0;
  let failed = 0;
  for (const task of tasks) {
    try {
      if (await task()) started += 1;
    } catch {
      failed += 1;
    }
  }
  return { started, failed };
}
