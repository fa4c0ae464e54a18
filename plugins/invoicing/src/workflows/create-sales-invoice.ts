import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { Buyer, DocumentLine } from "../domain/lines";
import { createSalesInvoiceRecordStep } from "./steps/create-sales-invoice-record";
import { prepareDocumentStep } from "./steps/prepare-document";

export interface CreateSalesInvoiceWorkflowInput {
  customer_id: string | null;
  buyer: Buyer;
  lines: DocumentLine[];
  due_days: number;
  notes: string | null;
  created_by: string;
}

/** A counter or B2B invoice straight away (no quotation): priced, numbered from the shop's one INV series. */
export const createSalesInvoiceWorkflow = createWorkflow("create-sales-invoice", (input: CreateSalesInvoiceWorkflowInput) => {
  const priced = prepareDocumentStep(transform({ input }, ({ input }) => ({ buyer: input.buyer, lines: input.lines })));
  const invoice = createSalesInvoiceRecordStep(transform({ input, priced }, ({ input, priced }) => ({
    priced, customer_id: input.customer_id, quotation_id: null, due_days: input.due_days, notes: input.notes, created_by: input.created_by,
  })));
  return new WorkflowResponse(invoice);
});
