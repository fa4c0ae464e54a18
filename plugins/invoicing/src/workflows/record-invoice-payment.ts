import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { addInvoicePaymentStep, type AddInvoicePaymentInput } from "./steps/add-invoice-payment";

/** A partial or final payment on an invoice: balance and status (unpaid → partially_paid → paid) follow. */
export const recordInvoicePaymentWorkflow = createWorkflow("record-invoice-payment", (input: AddInvoicePaymentInput) => {
  return new WorkflowResponse(addInvoicePaymentStep(input));
});
