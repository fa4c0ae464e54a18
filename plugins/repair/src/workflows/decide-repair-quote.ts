import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { commitQuoteDecision, type QuoteDecisionInput } from "./steps/quote-decision-commit";
import { runRepairJobEffectsStep } from "./steps/run-repair-job-effects";

export type DecideRepairQuoteInput = QuoteDecisionInput;

const commitQuoteDecisionStep = createStep("commit-repair-quote-decision", async (input: DecideRepairQuoteInput, { container }) =>
  new StepResponse(await commitQuoteDecision(container, input)));

/**
 * The one place a quote is decided — at the counter, or from a WhatsApp reply through the quote flow.
 * Approve: the job goes In Progress and the diagnostic fee is waived when configured. Reject: the
 * job is Returned Unrepaired and its reserved parts are released. Decision, waiver and move commit
 * in one transaction; the Temporal signals and events follow from the job's outbox.
 */
export const decideRepairQuoteWorkflow = createWorkflow("decide-repair-quote", (input: DecideRepairQuoteInput) => {
  const decided = commitQuoteDecisionStep(input);
  runRepairJobEffectsStep(transform({ decided, input }, ({ decided, input }) => ({ job_id: input.job_id, owns_effects: decided.owns_effects })));
  return new WorkflowResponse(transform({ decided }, ({ decided }) => ({ quote_id: decided.quote_id, version: decided.version, status: decided.status })));
});
