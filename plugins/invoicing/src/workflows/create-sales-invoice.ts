import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createSalesInvoiceStep, type CreateSalesInvoiceInput } from "./steps/create-sales-invoice";

export type { CreateSalesInvoiceInput } from "./steps/create-sales-invoice";
export { createSalesInvoice } from "./steps/create-sales-invoice";

/**
 * A counter or B2B invoice straight away (no quotation), priced and numbered from the shop's one
 * INV series (see steps/create-sales-invoice.ts). For callers that run workflows (the demo seed);
 * the route calls createSalesInvoice directly.
 */
export const createSalesInvoiceWorkflow = createWorkflow("create-sales-invoice", (input: CreateSalesInvoiceInput) => {
  const invoice = createSalesInvoiceStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.invoiceChanged, data: transform({ invoice }, ({ invoice }) => ({ id: invoice.id, action: "created" })) });
  return new WorkflowResponse(invoice);
});
