import { posCheckoutBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute, type StaffRequest } from "@voltura/medusa-kit";
import type { PosSale } from "@voltura/contracts";
import { resolveApprover } from "../../../../workflows/steps/approver";
import { checkoutPosSale } from "../../../../workflows/steps/checkout";
import { answerError } from "../../../../workflows/steps/errors";
import { loadSale } from "../load-sale";
import { requestHash } from "../../../../domain/replay";
import { POS_STAFF } from "../roles";

/**
 * A counter sale. 201 with the sale; the same idempotency_key again (a retry, a double click, even
 * concurrently, even after a crash) answers 200 with the sale it already made and never sells twice.
 */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posCheckoutBodySchema, req.body);
  const { manager_approval: credentials, ...sale } = body;
  try {
    const done = await checkoutPosSale(req.scope, {
      body: sale, request_hash: requestHash(sale), cashier: { id: req.actor.id, name: req.actor.name },
      approver: () => resolveApprover(req, req.actor, credentials),
    });
    const made = await loadSale(req.scope, done.sale_id);
    if (done.replayed) {
      res.status(200).json({ sale: made, replayed: true });
      return;
    }
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
