import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { changeRepairJobStatusWorkflow } from "./change-repair-job-status";
import { recordQuoteDecisionStep, type RecordQuoteDecisionInput } from "./steps/record-quote-decision";
import { signalQuoteCounterDecisionStep } from "./steps/signal-quote-counter-decision";
import { waiveDiagnosticFeeStep } from "./steps/waive-diagnostic-fee";

export type DecideRepairQuoteInput = RecordQuoteDecisionInput;

/**
 * The one place a quote is decided — at the counter today, from a WhatsApp reply later.
 * Approve: the job goes In Progress and the diagnostic fee is waived when configured.
 * Reject: the job is Returned Unrepaired (its reserved parts are released by the status hook).
 */
export const decideRepairQuoteWorkflow = createWorkflow("decide-repair-quote", (input: DecideRepairQuoteInput) => {
  const decided = recordQuoteDecisionStep(input);
  when("quote-approved", { input }, ({ input }) => input.decision === "approve").then(() => {
    waiveDiagnosticFeeStep(transform({ input }, ({ input }) => ({ job_id: input.job_id })));
  });
  changeRepairJobStatusWorkflow.runAsStep({
    input: transform({ input, decided }, ({ input, decided }) => ({
      id: input.job_id,
      to: input.decision === "approve" ? ("in_progress" as const) : ("returned_unrepaired" as const),
      note: `Quote v${decided.version} ${decided.status} (${input.channel})${input.note ? `: ${input.note}` : ""}`,
      changed_by: input.decided_by,
    })),
  });
  // A WhatsApp decision comes from the quote flow itself; only the counter's must be told to it.
  when("decided-at-counter", { input }, ({ input }) => input.channel === "counter").then(() => {
    signalQuoteCounterDecisionStep(
      transform({ input, decided }, ({ input, decided }) => ({
        job_id: input.job_id, version: decided.version, decision: input.decision, decided_by: input.decided_by,
      })),
    );
  });
  return new WorkflowResponse(decided);
});
