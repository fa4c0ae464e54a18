import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { QuotationStatus } from "../domain/status";
import { moveQuotationStatusStep } from "./steps/move-quotation-status";
import { closeQuotationFollowUpStep, startQuotationFollowUpStep } from "./steps/quotation-follow-up";

export interface ChangeQuotationStatusInput {
  id: string;
  status: Exclude<QuotationStatus, "converted">;
}

/**
 * Sends, accepts, declines, expires or reopens a quotation. Sending starts the follow-up
 * reminders; any answer stops them.
 */
export const changeQuotationStatusWorkflow = createWorkflow("change-quotation-status", (input: ChangeQuotationStatusInput) => {
  const moved = moveQuotationStatusStep(transform({ input }, ({ input }) => ({ id: input.id, to: input.status })));
  when({ input }, ({ input }) => input.status === "sent").then(() => {
    startQuotationFollowUpStep(transform({ moved }, ({ moved }) => moved.quotation));
  });
  when({ input, moved }, ({ input, moved }) => input.status !== "sent" && moved.previous === "sent").then(() => {
    closeQuotationFollowUpStep(transform({ moved }, ({ moved }) => ({ quotation_number: moved.quotation.quotation_number, status: moved.quotation.status })));
  });
  emitEventStep({ eventName: LIVE_EVENTS.quotationChanged, data: transform({ input }, ({ input }) => ({ id: input.id, action: input.status })) });
  return new WorkflowResponse(transform({ moved }, ({ moved }) => moved.quotation));
});
