import { MANAGERS } from "@voltura/domain";
import { receivePurchaseOrderBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { receivePurchaseOrder } from "../../../../../../workflows/steps/receive-purchase-order";
import { purchaseOrderAnswer } from "../../../answers";
import { runWrite } from "../../../run";

/** Books a delivery: some or all of the outstanding quantities. A retry with its idempotency_key books nothing more. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(receivePurchaseOrderBodySchema, req.body);
  const receipt = () => receivePurchaseOrder(req.scope, {
    purchase_order_id: req.params.id!, lines: body.lines, note: body.note ?? null, received_by: req.actor.name, idempotency_key: body.idempotency_key ?? null,
  });
  if (!(await runWrite(receipt, res))) return;
  res.json({ purchase_order: await purchaseOrderAnswer(req.scope, req.params.id!) });
});
