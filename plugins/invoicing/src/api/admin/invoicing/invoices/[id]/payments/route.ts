import { invoicePaymentBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadInvoice } from "../../../../../../workflows/steps/documents";
import { recordInvoicePayment } from "../../../../../../workflows/steps/record-invoice-payment";
import { toApiInvoice } from "../../../../../../api/records";
import { respondToError } from "../../../../../respond";
import { INVOICING_WRITERS } from "../../../../../../domain/roles";

/**
 * { method, amount_sen, reference?, idempotency_key? } → 201 { invoice, payment, replayed } with the
 * new balance; more than the balance is a 400 naming amount_sen. The same idempotency_key and body
 * again answers 201 with the payment already recorded (replayed: true) and records nothing more;
 * another body under the key is 409 idempotency_key_reused.
 */
export const POST = staffRoute(INVOICING_WRITERS, async (req, res) => {
  const body = parseOrThrow(invoicePaymentBodySchema, req.body);
  try {
    const done = await recordInvoicePayment(req.scope, { invoice_id: req.params.id!, ...body, received_by: req.actor.name });
    const invoice = toApiInvoice(await loadInvoice(req.scope, req.params.id!));
    res.status(201).json({ invoice, payment: invoice.payments.find((p) => p.id === done.payment_id), replayed: done.replayed });
  } catch (err) {
    respondToError(res, err);
  }
});
