import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { applyStatusChangeStep, type ApplyStatusChangeInput } from "./steps/apply-status-change";
import { signalLifecycleStep } from "./steps/signal-lifecycle";
import { syncRepairFlowsStep } from "./steps/sync-repair-flows";

export const REPAIR_JOB_STATUS_CHANGED = "repair_job.status_changed";

/** Every status change goes through here — the counter, the technician, and later WhatsApp replies. */
export const changeRepairJobStatusWorkflow = createWorkflow("change-repair-job-status", (input: ApplyStatusChangeInput) => {
  const result = applyStatusChangeStep(input);
  // Billing consumes reserved parts and raises the invoice on completion; compensation undoes both.
  const repairJobStatusChanged = createHook("repairJobStatusChanged", { job: result.job, change: result.change, input });
  signalLifecycleStep(result);
  syncRepairFlowsStep(result);
  emitEventStep({
    eventName: REPAIR_JOB_STATUS_CHANGED,
    data: transform({ result }, ({ result }) => ({ id: result.job.id, from: result.change.from_status, to: result.change.to_status })),
  });
  return new WorkflowResponse(result.job, { hooks: [repairJobStatusChanged] });
});
