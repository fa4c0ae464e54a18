import { posReturnBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { posService } from "../../../../../../sales/context";
import { respondToWorkflowError } from "../../../../../../sales/errors";
import { loadSale } from "../../../../../../sales/load-sale";
import { POS_STAFF } from "../../../../../../sales/roles";
import { returnPosSaleWorkflow } from "../../../../../../workflows/return-pos-sale";

/** Returns items of a sale (optionally back to stock) and refunds them; replaying the key answers the sale as it is. */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posReturnBodySchema, req.body);
  const saleId = req.params.id!;
  const [done] = await posService(req.scope).listPosReturns({ idempotency_key: body.idempotency_key }, { take: 1 });
  if (done) {
    res.status(200).json({ sale: await loadSale(req.scope, done.sale_id) });
    return;
  }
  const { errors } = await returnPosSaleWorkflow(req.scope).run({
    input: {
      sale_id: saleId, idempotency_key: body.idempotency_key, lines: body.lines, restock: body.restock, refund_method: body.refund_method,
      reason: body.reason ?? null, actor: { id: req.actor.id, name: req.actor.name },
    },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ sale: await loadSale(req.scope, saleId) });
});
