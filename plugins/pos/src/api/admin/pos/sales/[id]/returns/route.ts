import { diffFields } from "@voltura/domain";
import { posReturnBodySchema, type PosSale } from "@voltura/medusa-client";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { resolveApprover } from "../../../../../../sales/approver";
import { posService } from "../../../../../../sales/context";
import { answerError, respondToWorkflowError } from "../../../../../../sales/errors";
import { loadSale } from "../../../../../../sales/load-sale";
import { POS_STAFF } from "../../../../../../sales/roles";
import { returnPosSaleWorkflow } from "../../../../../../workflows/return-pos-sale";

/** What a refund changes on the sale, for the audit row's before/after. */
function refundState(sale: PosSale) {
  return {
    refunded_sen: sale.refunded_sen,
    returned_quantities: Object.fromEntries(sale.lines.map((l) => [l.id, l.returned_quantity])),
    return_count: sale.returns.length,
  };
}

/**
 * Returns items of a sale (optionally back to stock) and refunds them; replaying the key answers the
 * sale as it is. The refund goes back by the original tender; another method, or a refund above the
 * shop's limit, needs a manager (their session, or `manager_approval` credentials at a cashier's
 * till): 403 `approval_required` naming the rule otherwise. Every refund leaves a `pos.refund` audit row.
 */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posReturnBodySchema, req.body);
  const saleId = req.params.id!;
  try {
    const [done] = await posService(req.scope).listPosReturns({ idempotency_key: body.idempotency_key }, { take: 1 });
    if (done) {
      res.status(200).json({ sale: await loadSale(req.scope, done.sale_id) });
      return;
    }
    const approver = await resolveApprover(req, req.actor, body.manager_approval);
    const before = await loadSale(req.scope, saleId).catch(() => null);
    const { result, errors } = await returnPosSaleWorkflow(req.scope).run({
      input: {
        sale_id: saleId, idempotency_key: body.idempotency_key, lines: body.lines, restock: body.restock, refund_method: body.refund_method ?? null,
        reason: body.reason ?? null, actor: { id: req.actor.id, name: req.actor.name }, approver,
      },
      throwOnError: false,
    });
    if (errors.length) return respondToWorkflowError(res, errors);
    const sale = await loadSale(req.scope, saleId);
    const refund = sale.returns.find((r) => r.id === result.return_id);
    await recordAudit(req, {
      action: "pos.refund",
      entity: "pos_sale",
      entity_id: saleId,
      changes: diffFields(before ? refundState(before) : null, refundState(sale)),
      metadata: {
        receipt_number: sale.receipt_number,
        return_id: result.return_id,
        refund_sen: refund?.refund_sen ?? null,
        paid_out_sen: refund?.paid_out_sen ?? null,
        refund_method: result.refund_method,
        method_asked: body.refund_method ?? null,
        restock: body.restock,
        reason: body.reason ?? null,
        approval_reasons: result.approval_reasons.map((r) => r.code),
        approver: approver ? { id: approver.id, name: approver.name, method: approver.method } : null,
      },
    });
    res.status(201).json({ sale });
  } catch (err) {
    answerError(res, err);
  }
});
