import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { QUOTATION_FOLLOWUP, TASK_QUEUES, type QuotationFollowUpInput } from "@voltura/domain";
import { temporalClient } from "./context";
import { signalQuotationClosed } from "./signal-quotation-closed";
import type { QuotationRecord } from "../../modules/invoicing/records";

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

/** Stops the follow-up once a quotation leaves "sent" (answered, expired, back to draft); see signalQuotationClosed. */
export const closeQuotationFollowUpStep = createStep(
  "close-quotation-follow-up",
  async (input: { quotation_number: string; status: string }, { container }) =>
    new StepResponse(await signalQuotationClosed(container, input.quotation_number, input.status)),
);
