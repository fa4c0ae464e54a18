import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { QUOTE_CONFIRMATION, TASK_QUEUES, type QuoteConfirmationInput } from "@voltura/domain";
import { loadBillingJob, loadShopSettings } from "../../billing/context";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter } from "../types";

export interface StartQuoteConfirmationInput {
  job_id: string;
  version: number;
}

/**
 * Starts the quote's WhatsApp flow (`quote-VSH-2026-000123`, `…-v2` for later versions) with a
 * copy of the follow-up settings. Compensation terminates it, so a rolled-back send asks nobody.
 */
export const startQuoteConfirmationStep = createStep(
  "start-quote-confirmation",
  async (input: StartQuoteConfirmationInput, { container }) => {
    const [job, settings] = await Promise.all([loadBillingJob(container, input.job_id), loadShopSettings(container)]);
    const workflowId = QUOTE_CONFIRMATION.workflowId(job.job_number, input.version);
    const args: QuoteConfirmationInput = {
      jobId: job.id,
      jobNumber: job.job_number,
      version: input.version,
      sentAt: new Date().toISOString(),
      followUp: settings.quoteFollowUp,
    };
    await container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY).start({
      workflowType: QUOTE_CONFIRMATION.workflowType, workflowId, taskQueue: TASK_QUEUES.repair, args: [args],
    });
    return new StepResponse(workflowId, workflowId);
  },
  async (workflowId, { container }) => {
    if (!workflowId) return;
    await container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY).terminate(workflowId, "The quote send was rolled back");
  },
);
