import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { cancelStockTakeWorkflow } from "../../../../../../workflows/cancel-stock-take";
import { stockTakeAnswer } from "../../../answers";
import { runWorkflow } from "../../../run";

export const POST = staffRoute(MANAGERS, async (req, res) => {
  if (!(await runWorkflow(cancelStockTakeWorkflow, req.scope, { stock_take_id: req.params.id! }, res))) return;
  res.json({ stock_take: await stockTakeAnswer(req.scope, req.params.id!) });
});
