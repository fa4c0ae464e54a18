import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { cancelPurchaseOrderWorkflow } from "../../../../../../workflows/cancel-purchase-order";
import { purchaseOrderAnswer } from "../../../answers";
import { runWorkflow } from "../../../run";

export const POST = staffRoute(MANAGERS, async (req, res) => {
  if (!(await runWorkflow(cancelPurchaseOrderWorkflow, req.scope, { purchase_order_id: req.params.id! }, res))) return;
  res.json({ purchase_order: await purchaseOrderAnswer(req.scope, req.params.id!) });
});
