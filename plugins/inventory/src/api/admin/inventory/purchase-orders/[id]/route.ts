import { MANAGERS } from "@voltura/domain";
import { updatePurchaseOrderBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updatePurchaseOrderWorkflow } from "../../../../../workflows/update-purchase-order";
import { purchaseOrderAnswer } from "../../answers";
import { runWorkflow } from "../../run";

export const GET = staffRoute(MANAGERS, async (req, res) => {
  res.json({ purchase_order: await purchaseOrderAnswer(req.scope, req.params.id!) });
});

/** Edits a draft (409 once sent). */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(updatePurchaseOrderBodySchema, req.body);
  if (!(await runWorkflow(updatePurchaseOrderWorkflow, req.scope, { purchase_order_id: req.params.id!, ...body }, res))) return;
  res.json({ purchase_order: await purchaseOrderAnswer(req.scope, req.params.id!) });
});
