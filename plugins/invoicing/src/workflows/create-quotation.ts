import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { Buyer, DocumentLine } from "../domain/lines";
import { createQuotationRecordStep } from "./steps/create-quotation-record";
import { prepareDocumentStep } from "./steps/prepare-document";

export interface CreateQuotationWorkflowInput {
  customer_id: string | null;
  buyer: Buyer;
  lines: DocumentLine[];
  valid_days: number;
  notes: string | null;
  created_by: string;
}

/** Prices the lines with the shop's SST settings and stores a draft quotation with the next QUO number. */
export const createQuotationWorkflow = createWorkflow("create-quotation", (input: CreateQuotationWorkflowInput) => {
  const priced = prepareDocumentStep(transform({ input }, ({ input }) => ({ buyer: input.buyer, lines: input.lines })));
  const quotation = createQuotationRecordStep(transform({ input, priced }, ({ input, priced }) => ({
    priced, customer_id: input.customer_id, valid_days: input.valid_days, notes: input.notes, created_by: input.created_by,
  })));
  emitEventStep({ eventName: LIVE_EVENTS.quotationChanged, data: transform({ quotation }, ({ quotation }) => ({ id: quotation.id, action: "created" })) });
  return new WorkflowResponse(quotation);
});
