import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { changeRepairJobStatusWorkflow } from "./change-repair-job-status";
import { freezeRepairQuoteStep, type FreezeRepairQuoteInput } from "./steps/freeze-repair-quote";

/** Freezes the draft (the current lines) as a sent quote and moves the job to Awaiting Approval. */
export const sendRepairQuoteWorkflow = createWorkflow("send-repair-quote", (input: FreezeRepairQuoteInput) => {
  const frozen = freezeRepairQuoteStep(input);
  when("job-moves-to-awaiting-approval", { frozen }, ({ frozen }) => frozen.needs_status_change).then(() => {
    changeRepairJobStatusWorkflow.runAsStep({
      input: transform({ input, frozen }, ({ input, frozen }) => ({
        id: input.job_id, to: "awaiting_approval" as const, note: input.note ? `${frozen.summary}. ${input.note}` : frozen.summary, changed_by: input.sent_by,
      })),
    });
  });
  return new WorkflowResponse(frozen);
});
