import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createSalesInvoice, type CreateSalesInvoiceInput } from "../invoicing/create-invoice";
import { loadInvoice } from "../invoicing/documents";

export type { CreateSalesInvoiceInput } from "../invoicing/create-invoice";
export { createSalesInvoice } from "../invoicing/create-invoice";

/** No compensation on purpose: number and invoice commit in one database transaction or not at all. */
const createSalesInvoiceStep = createStep("create-sales-invoice", async (input: CreateSalesInvoiceInput, { container }) => {
  const done = await createSalesInvoice(container, input);
  return new StepResponse(await loadInvoice(container, done.invoice_id));
});

/**
 * A counter or B2B invoice straight away (no quotation), priced and numbered from the shop's one
 * INV series (see invoicing/create-invoice.ts). For callers that run workflows (the demo seed);
 * the route calls createSalesInvoice directly.
 */
export const createSalesInvoiceWorkflow = createWorkflow("create-sales-invoice", (input: CreateSalesInvoiceInput) => {
  const invoice = createSalesInvoiceStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.invoiceChanged, data: transform({ invoice }, ({ invoice }) => ({ id: invoice.id, action: "created" })) });
  return new WorkflowResponse(invoice);
});
