import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { StatusChangeInput } from "./steps/status-commit";
import { commitStatusChangeStep } from "./steps/commit-status-change";
import { runRepairJobEffectsStep } from "./steps/run-repair-job-effects";

export { REPAIR_JOB_STATUS_CHANGED } from "./steps/status-commit";
export type ChangeRepairJobStatusInput = StatusChangeInput;

/**
 * Every status change goes through here — the counter, the technician, pickup, quote decisions:
 * (1) the move with billing's side (completion: parts consumed, invoice and its number) and the
 * outbox, in one transaction; (2) the outbox: the invoice's Medusa order, Temporal signal, pickup
 * reminders, events — finished by the recovery job if the process dies first.
 */
export const changeRepairJobStatusWorkflow = createWorkflow("change-repair-job-status", (input: ChangeRepairJobStatusInput) => {
  const committed = commitStatusChangeStep(input);
  runRepairJobEffectsStep(transform({ committed }, ({ committed }) => ({ job_id: committed.job.id, owns_effects: committed.owns_effects })));
  return new WorkflowResponse(committed.job);
});
