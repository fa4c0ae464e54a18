import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { PaymentMethod } from "@voltura/domain";
import { invoicingInvalid, invoicingService, notFound } from "../../invoicing/context";

export interface AddInvoicePaymentInput {
  invoice_id: string;
  method: PaymentMethod;
  amount_sen: number;
  reference: string | null;
  received_by: string;
}

/** Records a (partial) payment under a row lock; more than the balance is a 400. Compensation removes it. */
export const addInvoicePaymentStep = createStep(
  "add-invoice-payment",
  async (input: AddInvoicePaymentInput, { container }) => {
    const result = await invoicingService(container).addPaymentAtomically(input.invoice_id, {
      method: input.method, amount_sen: input.amount_sen, reference: input.reference, received_by: input.received_by, received_at: new Date(),
    });
    if (!result.ok) {
      if (result.field === "id") throw notFound("Invoice", input.invoice_id);
      throw invoicingInvalid(result.field, result.message);
    }
    return new StepResponse(result, { invoice_id: input.invoice_id, payment_id: result.payment_id });
  },
  async (undo, { container }) => {
    if (undo) await invoicingService(container).removePaymentAtomically(undo.invoice_id, undo.payment_id);
  },
);
