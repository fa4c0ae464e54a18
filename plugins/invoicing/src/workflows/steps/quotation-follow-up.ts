import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { QUOTATION_FOLLOWUP, TASK_QUEUES, type QuotationFollowUpInput } from "@voltura/domain";
import { temporalClient } from "../../invoicing/context";
import type { QuotationRecord } from "../../invoicing/records";

/** Reminder cadence after sending, in days. */
export const FOLLOW_UP_DAYS = [3, 7];

/** Starts quotation-followup-<number> when a quotation is sent; compensation terminates it. */
export const startQuotationFollowUpStep = createStep(
  "start-quotation-follow-up",
  async (quotation: QuotationRecord, { container }) => {
    const workflowId = QUOTATION_FOLLOWUP.workflowId(quotation.quotation_number);
    const input: QuotationFollowUpInput = {
      quotationId: quotation.id,
      quotationNumber: quotation.quotation_number,
      reminderDays: FOLLOW_UP_DAYS,
      validUntil: new Date(quotation.valid_until).toISOString(),
    };
    await temporalClient(container).start({ workflowType: QUOTATION_FOLLOWUP.workflowType, workflowId, taskQueue: TASK_QUEUES.repair, args: [input] });
    return new StepResponse(workflowId, workflowId);
  },
  async (workflowId, { container }) => {
    if (workflowId) await temporalClient(container).terminate(workflowId, "Sending the quotation was rolled back");
  },
);

/**
 * Tells the follow-up the quotation is answered (accepted, declined, converted) so it stops. A
 * follow-up that already ended (or never started) is fine: nothing is left to stop.
 */
export const closeQuotationFollowUpStep = createStep(
  "close-quotation-follow-up",
  async (input: { quotation_number: string; status: string }, { container }) => {
    try {
      await temporalClient(container).signal(QUOTATION_FOLLOWUP.workflowId(input.quotation_number), QUOTATION_FOLLOWUP.signal, [{ status: input.status }]);
      return new StepResponse(true);
    } catch (error) {
      if ((error as Error).name === "WorkflowNotFoundError") return new StepResponse(false);
      throw error;
    }
  },
);
