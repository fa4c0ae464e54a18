import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  setHandler,
  workflowInfo,
} from "@temporalio/workflow";
import { historyQuery, statusChangedSignal } from "./definitions.js";
import { RepairLifecycleState, shouldContinueAsNew, type RepairLifecycleSummary } from "./lifecycle-state.js";
import {
  INVALID_INPUT_FAILURE,
  parseLifecycleInput,
  parseStatusChange,
  type LifecycleRunInputArg,
} from "./validation.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

/**
 * One workflow per repair job (id `job-<jobNumber>`). It holds the job's status history, fed by
 * `statusChanged` signals from the commerce core, and closes when the job reaches a final status.
 */
export async function repairJobLifecycle(rawInput: LifecycleRunInputArg): Promise<RepairLifecycleSummary> {
  const parsed = parseLifecycleInput(rawInput);
  if (!parsed.ok) throw ApplicationFailure.nonRetryable(parsed.message, INVALID_INPUT_FAILURE);
  const state = RepairLifecycleState.fromInput(parsed.value);

  // Signals cannot be refused, and throwing here would fail the workflow task over and over:
  // a bad payload is logged and dropped instead.
  setHandler(statusChangedSignal, (raw) => {
    const change = parseStatusChange(raw);
    if (!change.ok) {
      log.warn("Ignored an invalid status change", { jobNumber: state.jobNumber, error: change.message });
      return;
    }
    const outcome = state.record(change.value);
    if (outcome !== "recorded") log.info(`Ignored a status change (${outcome})`, { jobNumber: state.jobNumber });
  });
  setHandler(historyQuery, () => state.summary());

  await condition(() => state.isClosed || shouldContinueAsNew(workflowInfo()));
  await condition(allHandlersFinished);
  if (state.isClosed) return state.summary();
  return continueAsNew<typeof repairJobLifecycle>(state.continuationInput());
}
