import { emitEventStep } from "@medusajs/medusa/core-flows";
import { LIVE_EVENTS } from "@voltura/domain";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { recordInvoicePayment, type RecordInvoicePaymentInput } from "../invoicing/payments";

export type { RecordInvoicePaymentInput } from "../invoicing/payments";
export { recordInvoicePayment } from "../invoicing/payments";

/** No compensation on purpose: the payment and the invoice's amounts commit in one database transaction or not at all. */
const recordInvoicePaymentStep = createStep("record-invoice-payment", async (input: RecordInvoicePaymentInput, { container }) =>
  new StepResponse(await recordInvoicePayment(container, input)),
);

/**
 * A partial or final payment on an invoice (see invoicing/payments.ts): balance and status
 * (unpaid → partially_paid → paid) follow. For callers that run workflows (the demo seed); the
 * route calls recordInvoicePayment directly.
 */
export const recordInvoicePaymentWorkflow = createWorkflow("record-invoice-payment", (input: RecordInvoicePaymentInput) => {
  const recorded = recordInvoicePaymentStep(input);
  emitEventStep({ eventName: LIVE_EVENTS.invoiceChanged, data: transform({ input }, ({ input }) => ({ id: input.invoice_id, action: "paid" })) });
  return new WorkflowResponse(recorded);
});
