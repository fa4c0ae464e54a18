import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { updateQuotationRecordStep, type UpdateQuotationRecordInput } from "./steps/update-quotation-record";

/** Edits lines, buyer, validity or notes of a draft or sent quotation (409 once answered). */
export const updateQuotationWorkflow = createWorkflow("update-quotation", (input: UpdateQuotationRecordInput) => {
  const updated = updateQuotationRecordStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.quotationChanged, data: transform({ input }, ({ input }) => ({ id: input.id, action: "updated" })) });
  return new WorkflowResponse(updated);
});
