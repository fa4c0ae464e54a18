import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { changeRepairJobStatusWorkflow } from "./change-repair-job-status";
import { freezeRepairQuoteStep, type FreezeRepairQuoteInput } from "./steps/freeze-repair-quote";
import { startQuoteConfirmationStep } from "./steps/start-quote-confirmation";

/**
 * Freezes the draft (the current lines) as a sent quote, moves the job to Awaiting Approval and
 * starts the quote's WhatsApp confirmation flow on Temporal.
 */
export const sendRepairQuoteWorkflow = createWorkflow("send-repair-quote", (input: FreezeRepairQuoteInput) => {
  const frozen = freezeRepairQuoteStep(input);
  when("job-moves-to-awaiting-approval", { frozen }, ({ frozen }) => frozen.needs_status_change).then(() => {
    changeRepairJobStatusWorkflow.runAsStep({
      input: transform({ input, frozen }, ({ input, frozen }) => ({
        id: input.job_id, to: "awaiting_approval" as const, note: input.note ? `${frozen.summary}. ${input.note}` : frozen.summary, changed_by: input.sent_by,
      })),
    });
  });
  startQuoteConfirmationStep(transform({ input, frozen }, ({ input, frozen }) => ({ job_id: input.job_id, version: frozen.version })));
  return new WorkflowResponse(frozen);
});
