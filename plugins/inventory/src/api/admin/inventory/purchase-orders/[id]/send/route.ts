import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { sendPurchaseOrderWorkflow } from "../../../../../../workflows/send-purchase-order";
import { purchaseOrderAnswer } from "../../../answers";
import { runWorkflow } from "../../../run";

/** Marks the order sent; the PDF for the supplier is at ./pdf. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  if (!(await runWorkflow(sendPurchaseOrderWorkflow, req.scope, { purchase_order_id: req.params.id! }, res))) return;
  res.json({ purchase_order: await purchaseOrderAnswer(req.scope, req.params.id!) });
});
