import { BACKUP_STALE_AFTER_HOURS, isBackupStale, operationsAlertKeys, type BackupFreshness } from "./operations-definitions.js";
import { log } from "@temporalio/workflow";
import { bestEffortOps, commerceOps, failureMessage } from "./operations-support.js";

export interface BackupFreshnessResult extends BackupFreshness {
  stale: boolean;
}

/**
 * Hourly (`backup-freshness`): no completed backup, or the newest older than 26 h, raises
 * `backup_stale` once per newest backup; a fresh one resolves it. It also applies a changed backup
 * hour or restore-test weekday to the schedules (within the hour of the owner's change).
 */
export async function backupFreshnessCheck(): Promise<BackupFreshnessResult> {
  const freshness = await commerceOps.readBackupFreshness();
  const stale = isBackupStale(freshness);
  if (stale) {
    const message = freshness.newestCompletedAt === null
      ? "No backup has completed yet"
      : `The newest backup finished ${Math.floor(freshness.ageHours ?? 0)} h ago (more than ${BACKUP_STALE_AFTER_HOURS} h)`;
    await commerceOps.raiseOperationsAlert({ key: operationsAlertKeys.backupStale(freshness.newestCompletedAt), kind: "backup_stale", message });
  } else {
    await commerceOps.resolveOperationsAlerts({ kind: "backup_stale" });
  }
  try {
    await bestEffortOps.alignOperationsSchedules();
  } catch (err) {
    log.warn("operations schedules not aligned with the settings this hour", { error: failureMessage(err) });
  }
  return { ...freshness, stale };
}
