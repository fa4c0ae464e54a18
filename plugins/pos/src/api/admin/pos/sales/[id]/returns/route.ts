import { posReturnBodySchema } from "@voltura/contracts";
import { auditEntryFor, parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { resolveApprover } from "../../../../../../workflows/steps/approver";
import { answerError } from "../../../../../../workflows/steps/errors";
import { loadSale } from "../../../load-sale";
import { requestHash } from "../../../../../../domain/replay";
import { POS_STAFF } from "../../../roles";
import { returnPosSale } from "../../../../../../workflows/steps/sale-return";

/**
 * Returns items of a sale (optionally back to stock) and refunds them: 201 with the sale. The same
 * idempotency_key with the same body answers 201 with the sale again and never refunds twice; with
 * another body 409 `idempotency_key_reused`. The refund goes back by the original tender; another
 * method, or a refund above the shop's limit, needs a manager (their session, or `manager_approval`
 * credentials at a cashier's till): 403 `approval_required` naming the rule otherwise. Every refund
 * leaves one `pos.refund` audit row (written from the return's outbox, so a crash cannot lose it).
 */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posReturnBodySchema, req.body);
  const saleId = req.params.id!;
  const returnBody = { idempotency_key: body.idempotency_key, lines: body.lines, restock: body.restock, refund_method: body.refund_method ?? null, reason: body.reason ?? null };
  try {
    await returnPosSale(req.scope, {
      sale_id: saleId, body: returnBody, request_hash: requestHash({ sale_id: saleId, ...returnBody }), actor: { id: req.actor.id, name: req.actor.name },
      approver: () => resolveApprover(req, req.actor, body.manager_approval),
      audit: auditEntryFor(req, { action: "pos.refund", entity: "pos_sale", entity_id: saleId }),
    });
    res.status(201).json({ sale: await loadSale(req.scope, saleId) });
  } catch (err) {
    answerError(res, err);
  }
});
