import { workflowInfo } from "@temporalio/workflow";
import { operationsAlertKeys, restoreTestKey, verifyBackupInputSchema, type RestoreTestSummary, type VerifyBackupInput } from "./operations-definitions.js";
import { commerceOps, failureMessage, longOps, parseOperationsInput, reportedFailure } from "./operations-support.js";

export type VerifyBackupResult = RestoreTestSummary | { backupId: null; skipped: "no_backup" };

/**
 * The restore test (`restore-test-weekly`, or "Verify" on a backup): restore into a scratch
 * database, check migrations, compare counts and checksums with the manifest, record the result
 * under `restore-test:<backup id>:<workflow id>` (each Verify is its own test). A failed test, or one that could not run, raises
 * `restore_test_failed`.
 */
export async function verifyBackupWorkflow(raw: VerifyBackupInput = {}): Promise<VerifyBackupResult> {
  const input = parseOperationsInput(verifyBackupInputSchema, raw, "verifyBackupWorkflow");
  const backupId = input.backupId ?? (await commerceOps.findNewestBackup());
  if (!backupId) return { backupId: null, skipped: "no_backup" };

  let result: RestoreTestSummary;
  try {
    result = await longOps.runRestoreTest({ backupId, idempotencyKey: restoreTestKey(backupId, workflowInfo().workflowId) });
  } catch (err) {
    const message = `The restore test of ${backupId} could not run: ${failureMessage(err)}`;
    await commerceOps.raiseOperationsAlert({ key: operationsAlertKeys.restoreTestFailed(backupId), kind: "restore_test_failed", message });
    throw reportedFailure(message);
  }
  if (!result.ok) {
    const shown = result.mismatches.slice(0, 3).join("; ");
    const message = `The restore test of ${backupId} failed (${result.mismatches.length} mismatches${shown ? `: ${shown}` : ""})`;
    await commerceOps.raiseOperationsAlert({ key: operationsAlertKeys.restoreTestFailed(backupId), kind: "restore_test_failed", message });
    return result;
  }
  await commerceOps.resolveOperationsAlerts({ kind: "restore_test_failed" });
  return result;
}
