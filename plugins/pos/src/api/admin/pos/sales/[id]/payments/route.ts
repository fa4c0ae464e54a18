import { posSalePaymentBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { recordPosPayment } from "../../../../../../workflows/steps/balance-payment";
import { answerError } from "../../../../../../workflows/steps/errors";
import { loadSale } from "../../../load-sale";
import { requestHash } from "../../../../../../domain/replay";
import { POS_STAFF } from "../../../roles";

/**
 * A later payment against the balance due: 201 with the sale. The same idempotency_key with the
 * same body (a retry, a double click, even concurrently, even after a crash) answers 201 with the
 * sale again and never pays twice; with another body 409 `idempotency_key_reused`. 404 for no such
 * sale, 409 `sale_in_progress` while its checkout is still being completed.
 */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posSalePaymentBodySchema, req.body);
  const saleId = req.params.id!;
  try {
    await recordPosPayment(req.scope, {
      sale_id: saleId, idempotency_key: body.idempotency_key, payments: body.payments,
      request_hash: requestHash({ sale_id: saleId, ...body }), received_by: req.actor.name,
    });
    res.status(201).json({ sale: await loadSale(req.scope, saleId) });
  } catch (err) {
    answerError(res, err);
  }
});
