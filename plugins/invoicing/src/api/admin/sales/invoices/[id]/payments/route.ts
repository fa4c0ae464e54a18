import { invoicePaymentBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadInvoice } from "../../../../../../invoicing/documents";
import { toApiInvoice } from "../../../../../../invoicing/records";
import { respondToWorkflowError } from "../../../../../../invoicing/respond";
import { SALES_WRITERS } from "../../../../../../invoicing/roles";
import { recordInvoicePaymentWorkflow } from "../../../../../../workflows/record-invoice-payment";

/** { method, amount_sen, reference? } → 201 { invoice } with the new balance; more than the balance is a 400 naming amount_sen. */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(invoicePaymentBodySchema, req.body);
  const { errors } = await recordInvoicePaymentWorkflow(req.scope).run({
    input: { invoice_id: req.params.id!, method: body.method, amount_sen: body.amount_sen, reference: body.reference, received_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ invoice: toApiInvoice(await loadInvoice(req.scope, req.params.id!)) });
});
