import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { recordInvoicePaymentStep, type RecordInvoicePaymentInput } from "./steps/record-invoice-payment";

export type { RecordInvoicePaymentInput } from "./steps/record-invoice-payment";
export { recordInvoicePayment } from "./steps/record-invoice-payment";

/**
 * A partial or final payment on an invoice (see steps/record-invoice-payment.ts): balance and status
 * (unpaid → partially_paid → paid) follow. For callers that run workflows (the demo seed); the
 * route calls recordInvoicePayment directly.
 */
export const recordInvoicePaymentWorkflow = createWorkflow("record-invoice-payment", (input: RecordInvoicePaymentInput) => {
  const recorded = recordInvoicePaymentStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.invoiceChanged, data: transform({ input }, ({ input }) => ({ id: input.invoice_id, action: "paid" })) });
  return new WorkflowResponse(recorded);
});
