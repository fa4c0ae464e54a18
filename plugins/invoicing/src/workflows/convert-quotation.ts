import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createSalesInvoiceRecordStep } from "./steps/create-sales-invoice-record";
import { loadConvertibleQuotationStep } from "./steps/load-convertible-quotation";
import { moveQuotationStatusStep } from "./steps/move-quotation-status";
import { closeQuotationFollowUpStep } from "./steps/quotation-follow-up";

export interface ConvertQuotationInput {
  id: string;
  created_by: string;
  due_days: number;
}

/**
 * Quotation → invoice: the invoice takes the next INV number and the quotation's lines and totals
 * as offered; the quotation becomes "converted" (conditional, so converting twice at once gives
 * one invoice and a 409). The follow-up reminders stop.
 */
export const convertQuotationWorkflow = createWorkflow("convert-quotation", (input: ConvertQuotationInput) => {
  const loaded = loadConvertibleQuotationStep(transform({ input }, ({ input }) => ({ id: input.id })));
  const invoice = createSalesInvoiceRecordStep(transform({ input, loaded }, ({ input, loaded }) => ({
    priced: loaded.priced, customer_id: loaded.quotation.customer_id, quotation_id: loaded.quotation.id,
    due_days: input.due_days, notes: loaded.quotation.notes, created_by: input.created_by,
  })));
  const moved = moveQuotationStatusStep(transform({ input, invoice }, ({ input, invoice }) => ({
    id: input.id, to: "converted" as const, converted_invoice_id: invoice.id,
  })));
  when({ moved }, ({ moved }) => moved.previous === "sent").then(() => {
    closeQuotationFollowUpStep(transform({ moved }, ({ moved }) => ({ quotation_number: moved.quotation.quotation_number, status: "converted" })));
  });
  return new WorkflowResponse(transform({ moved, invoice }, ({ moved, invoice }) => ({ quotation: moved.quotation, invoice })));
});
