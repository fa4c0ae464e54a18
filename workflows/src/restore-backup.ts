import { log, setHandler } from "@temporalio/workflow";
import { restoreBackupInputSchema, restoreStateQuery, restoreStepsFor, type RestoreBackupInput, type RestoreWorkflowState } from "./operations-definitions.js";
import { commerceOps, failureMessage, parseOperationsInput, reportedFailure, restoreOps } from "./operations-support.js";


/**
 * A restore (Discourse's order) or a copy, started by commerce as `restore-<run id>`. Each step is
 * one activity of @voltura/db-ops' `restoreStep` (idempotent; it writes the run's log). The
 * operations schedules are paused from maintenance on until the end, whatever the outcome. Any
 * failure runs the `rollback` step: before the swap it drops the new database and turns
 * maintenance off (status failed); after the swap it renames the databases back (rolled_back).
 */
export async function restoreBackup(raw: RestoreBackupInput): Promise<RestoreWorkflowState> {
  const input = parseOperationsInput(restoreBackupInputSchema, raw, "restoreBackup");
  const state: RestoreWorkflowState = { runId: input.runId, mode: input.mode, done: [], current: null, status: "running", pausedSchedules: [], error: null };
  setHandler(restoreStateQuery, () => state);

  try {
    for (const step of restoreStepsFor(input.mode)) {
      state.current = step;
      if (step === "maintenance_on") state.pausedSchedules = await commerceOps.pauseOperationsSchedules({ runId: input.runId });
      await restoreOps.runRestoreStep({ ...input, step });
      state.done.push(step);
    }
    state.current = null;
    state.status = "completed";
    return state;
  } catch (err) {
    const failedStep = state.current ?? "check";
    state.error = `${failedStep}: ${failureMessage(err)}`;
    const swapped = state.done.includes("swap");
    state.current = "rollback";
    try {
      await restoreOps.runRestoreStep({ ...input, step: "rollback", failure: { step: failedStep, message: failureMessage(err) } });
      state.status = swapped ? "rolled_back" : "failed";
    } catch (rollbackErr) {
      // The run's row keeps the step it reached; `npm run restore -- --resume <run id>` finishes or rolls back.
      state.status = "failed";
      state.error += `; rollback failed: ${failureMessage(rollbackErr)}`;
      log.error("restore rollback failed", { runId: input.runId, error: state.error });
    }
    state.current = null;
    throw reportedFailure(`Restore ${input.runId} ${state.status === "rolled_back" ? "rolled back" : "failed"}: ${state.error}`);
  } finally {
    if (state.pausedSchedules.length > 0) {
      await commerceOps.unpauseOperationsSchedules({ runId: input.runId, scheduleIds: state.pausedSchedules });
    }
  }
}
