import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { updateQuotationRecordStep, type UpdateQuotationRecordInput } from "./steps/update-quotation-record";

/** Edits lines, buyer, validity or notes of a draft or sent quotation (409 once answered). */
export const updateQuotationWorkflow = createWorkflow("update-quotation", (input: UpdateQuotationRecordInput) => {
  return new WorkflowResponse(updateQuotationRecordStep(input));
});
