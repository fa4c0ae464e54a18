import { posSalePaymentBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { posService } from "../../../../../../sales/context";
import { respondToWorkflowError } from "../../../../../../sales/errors";
import { loadSale } from "../../../../../../sales/load-sale";
import { POS_STAFF } from "../../../../../../sales/roles";
import { recordPosPaymentWorkflow } from "../../../../../../workflows/record-pos-payment";

/** A later payment against the balance due; the same idempotency_key again answers the sale without paying twice. */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posSalePaymentBodySchema, req.body);
  const saleId = req.params.id!;
  const [done] = await posService(req.scope).listPosPayments({ idempotency_key: `${body.idempotency_key}:0` }, { take: 1 });
  if (done) {
    res.status(200).json({ sale: await loadSale(req.scope, done.sale_id) });
    return;
  }
  const { errors } = await recordPosPaymentWorkflow(req.scope).run({
    input: { sale_id: saleId, idempotency_key: body.idempotency_key, payments: body.payments, received_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ sale: await loadSale(req.scope, saleId) });
});
