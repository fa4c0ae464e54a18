import { MANAGERS } from "@voltura/domain";
import { receivePurchaseOrderBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { receivePurchaseOrderWorkflow } from "../../../../../../workflows/receive-purchase-order";
import { purchaseOrderAnswer } from "../../../answers";
import { runWorkflow } from "../../../run";

/** Books a delivery: some or all of the outstanding quantities. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(receivePurchaseOrderBodySchema, req.body);
  if (!(await runWorkflow(receivePurchaseOrderWorkflow, req.scope, { purchase_order_id: req.params.id!, lines: body.lines, note: body.note ?? null, received_by: req.actor.name }, res))) return;
  res.json({ purchase_order: await purchaseOrderAnswer(req.scope, req.params.id!) });
});
