import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { commitQuoteSend, type QuoteSendInput } from "./steps/quote-send-commit";
import { runRepairJobEffectsStep } from "./steps/run-repair-job-effects";

export type SendRepairQuoteInput = QuoteSendInput;

const commitQuoteSendStep = createStep("commit-repair-quote-send", async (input: SendRepairQuoteInput, { container }) =>
  new StepResponse(await commitQuoteSend(container, input)));

/**
 * Freezes the draft (the current lines) as a sent quote and moves the job to Awaiting Approval in
 * one transaction; the quote's WhatsApp confirmation flow on Temporal starts from the job's outbox.
 */
export const sendRepairQuoteWorkflow = createWorkflow("send-repair-quote", (input: SendRepairQuoteInput) => {
  const sent = commitQuoteSendStep(input);
  runRepairJobEffectsStep(transform({ sent, input }, ({ sent, input }) => ({ job_id: input.job_id, owns_effects: sent.owns_effects })));
  return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ quote_id: sent.quote_id, version: sent.version, summary: sent.summary })));
});
