import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { convertQuotationStep, type ConvertQuotationInput } from "./steps/convert-quotation";

export type { ConvertQuotationInput } from "./steps/convert-quotation";
export { convertQuotation } from "./steps/convert-quotation";

/**
 * Quotation → invoice (see steps/convert-quotation.ts): the next INV number, the quotation's lines and
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
