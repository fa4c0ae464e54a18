import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { convertQuotation, type ConvertQuotationInput } from "../invoicing/convert";
import { loadInvoice, loadQuotation } from "../invoicing/documents";

export type { ConvertQuotationInput } from "../invoicing/convert";
export { convertQuotation } from "../invoicing/convert";

/** No compensation on purpose: the conversion commits in one database transaction or not at all. */
const convertQuotationStep = createStep("convert-quotation", async (input: ConvertQuotationInput, { container }) => {
  const done = await convertQuotation(container, input);
  return new StepResponse({ quotation: await loadQuotation(container, done.quotation_id), invoice: await loadInvoice(container, done.invoice_id) });
});

/**
 * Quotation → invoice (see invoicing/convert.ts): the next INV number, the quotation's lines and
 * totals as offered, the quotation converted, in one transaction; a second convert is a 409. For
 * callers that run workflows (the demo seed); the route calls convertQuotation directly.
 */
export const convertQuotationWorkflow = createWorkflow("convert-quotation", (input: ConvertQuotationInput) => {
  const converted = convertQuotationStep(input);
  emitEventStep({
    eventName: LIVE_EVENTS.quotationChanged,
    data: transform({ converted }, ({ converted }) => ({ id: converted.quotation.id, action: "converted" })),
  }).config({ name: "emit-quotation-converted" });
  emitEventStep({
    eventName: LIVE_EVENTS.invoiceChanged,
    data: transform({ converted }, ({ converted }) => ({ id: converted.invoice.id, action: "created" })),
  }).config({ name: "emit-invoice-from-quotation" });
  return new WorkflowResponse(converted);
});
