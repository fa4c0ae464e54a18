import { log } from "@temporalio/workflow";
import {
  backupIdFor, operationsAlertKeys, runBackupInputSchema, scheduledBackupKind,
  type BackupKind, type BackupRecordView, type RunBackupInput,
} from "./operations-definitions.js";
import { commerceOps, failureMessage, longOps, parseOperationsInput, reportedFailure, shopTimeZone } from "./operations-support.js";

export interface RunBackupResult {
  backup: BackupRecordView;
  /** Weekly backups only: the object key in the external bucket. */
  externalKey: string | null;
  retention: { deletedLocal: string[]; deletedExternal: string[] } | null;
}

/** The restore-test weekday from the settings; Sunday when commerce cannot say (the backup must not wait for commerce). */
async function restoreTestWeekday(): Promise<number> {
  try {
    return (await commerceOps.readOperationsSettings()).restoreTestWeekday;
  } catch (err) {
    log.warn("operations settings unreadable; weekly backups on Sunday", { error: failureMessage(err) });
    return 0;
  }
}

/**
 * One backup (`backup-daily` schedule, "Back up now", before a restore). A scheduled daily backup
 * on the restore-test weekday is the weekly one: it is also copied to the external bucket and
 * retention runs. A failure raises `backup_failed` (owners on WhatsApp) and fails the run.
 */
export async function runBackup(raw: RunBackupInput): Promise<RunBackupResult> {
  const input = parseOperationsInput(runBackupInputSchema, raw, "runBackup");
  const startedAt = Date.now();
  let kind: BackupKind = input.kind;
  if (kind === "daily" && !input.backupId) kind = scheduledBackupKind(startedAt, shopTimeZone(input.timeZone), await restoreTestWeekday());
  const backupId = input.backupId ?? backupIdFor(kind, startedAt);

  let backup: BackupRecordView;
  try {
    backup = await longOps.createBackup({ backupId, kind });
  } catch (err) {
    const message = `Backup ${backupId} failed: ${failureMessage(err)}`;
    await commerceOps.recordBackupFailure({ backupId, kind, requestedBy: input.requestedBy, error: failureMessage(err) }).catch(() => undefined);
    await commerceOps.raiseOperationsAlert({ key: operationsAlertKeys.backupFailed(backupId), kind: "backup_failed", message });
    throw reportedFailure(message);
  }
  await commerceOps.recordBackup({ record: backup, requestedBy: input.requestedBy });
  await commerceOps.resolveOperationsAlerts({ kind: "backup_failed" });
  await commerceOps.resolveOperationsAlerts({ kind: "backup_stale" });

  if (kind !== "weekly") return { backup, externalKey: null, retention: null };
  let externalKey: string;
  try {
    externalKey = (await longOps.copyBackupToExternal({ backupId })).key;
  } catch (err) {
    const message = `Weekly backup ${backupId} was taken but not copied to external storage: ${failureMessage(err)}`;
    await commerceOps.raiseOperationsAlert({ key: operationsAlertKeys.externalCopyFailed(backupId), kind: "backup_failed", message });
    throw reportedFailure(message);
  }
  const retention = await longOps.applyBackupRetention({ atIso: new Date(startedAt).toISOString() });
  return { backup: { ...backup, external: true }, externalKey, retention };
}
