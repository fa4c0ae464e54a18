import { posCheckoutBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, recordAudit, staffRoute, type StaffRequest } from "@voltura/medusa-kit";
import type { PosSale } from "@voltura/medusa-client";
import { resolveApprover } from "../../../../sales/approver";
import { answerError, respondToWorkflowError } from "../../../../sales/errors";
import { findSaleByKey, loadSale } from "../../../../sales/load-sale";
import { replaySale, requestHash } from "../../../../sales/replay";
import { POS_STAFF } from "../../../../sales/roles";
import { checkoutPosSaleWorkflow } from "../../../../workflows/checkout-pos-sale";
import { KEY_ALREADY_CLAIMED } from "../../../../workflows/steps/claim-sale-key";

/**
 * A counter sale. 201 with the sale; the same idempotency_key again (a retry, a double click, even
 * concurrently) answers 200 with the sale it already made and never sells twice.
 */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posCheckoutBodySchema, req.body);
  const { manager_approval: credentials, ...sale } = body;
  const hash = requestHash(sale);
  try {
    if (await findSaleByKey(req.scope, body.idempotency_key)) {
      res.status(200).json({ sale: await replaySale(req.scope, body.idempotency_key, hash), replayed: true });
      return;
    }
    const approver = await resolveApprover(req, req.actor, credentials);
    const { result, errors } = await checkoutPosSaleWorkflow(req.scope).run({
      input: { body: sale, request_hash: hash, cashier: { id: req.actor.id, name: req.actor.name }, approver },
      throwOnError: false,
    });
    if (errors.length) {
      const details = (errors[0]!.error as { details?: { code?: string } }).details;
      if (details?.code === KEY_ALREADY_CLAIMED) {
        res.status(200).json({ sale: await replaySale(req.scope, body.idempotency_key, hash), replayed: true });
        return;
      }
      return respondToWorkflowError(res, errors);
    }
    const made = await loadSale(req.scope, result.sale_id);
    await auditSale(req, made);
    res.status(201).json({ sale: made, replayed: false });
  } catch (err) {
    answerError(res, err);
  }
});

/** The sale, and each manager approval it carried (discount above the limits, selling past stock), with who approved. */
async function auditSale(req: StaffRequest, sale: PosSale): Promise<void> {
  await recordAudit(req, {
    action: "pos.sale", entity: "pos_sale", entity_id: sale.id,
    metadata: { receipt_number: sale.receipt_number, total_sen: sale.rounded_total_sen, approvals: sale.approvals.length },
  });
  for (const approval of sale.approvals) {
    await recordAudit(req, {
      action: "pos.approval", entity: "pos_sale", entity_id: sale.id,
      metadata: {
        kind: approval.kind, method: approval.method, approved_by: approval.approved_by, approved_by_name: approval.approved_by_name,
        requested_by: approval.requested_by, receipt_number: sale.receipt_number, detail: approval.detail,
      },
    });
  }
}
