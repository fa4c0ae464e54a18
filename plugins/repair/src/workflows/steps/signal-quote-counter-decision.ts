import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { QUOTE_CONFIRMATION, type CounterDecision, type QuoteDecision } from "@voltura/domain";
import { loadBillingJob } from "../../billing/context";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter } from "../types";

export interface SignalQuoteCounterDecisionInput {
  job_id: string;
  version: number;
  decision: QuoteDecision;
  decided_by: string;
}

/**
 * Tells the quote's WhatsApp flow that the counter decided, so it stops waiting and reminding.
 * The decision is already saved: when Temporal cannot be reached the step only logs, because the
 * flow checks the quote in commerce before every reminder and ends by itself.
 */
export const signalQuoteCounterDecisionStep = createStep(
  "signal-quote-counter-decision",
  async (input: SignalQuoteCounterDecisionInput, { container }) => {
    const job = await loadBillingJob(container, input.job_id);
    const workflowId = QUOTE_CONFIRMATION.workflowId(job.job_number, input.version);
    const signal: CounterDecision = { decision: input.decision, decidedBy: input.decided_by };
    try {
      const running = await container
        .resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY)
        .signalIfRunning(workflowId, QUOTE_CONFIRMATION.signals.counterDecision, [signal]);
      return new StepResponse({ workflowId, signalled: running });
    } catch (err) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Could not signal ${workflowId}: ${(err as Error).message}`);
      return new StepResponse({ workflowId, signalled: false });
    }
  },
);
