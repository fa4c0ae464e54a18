import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { postStockTake } from "../../../../../../workflows/steps/post-stock-take";
import { stockTakeAnswer } from "../../../answers";
import { runWrite } from "../../../run";

/** Posts the variances to the ledger (kind stock_take) and closes the session; posting it again answers that posting. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  if (!(await runWrite(() => postStockTake(req.scope, { stock_take_id: req.params.id!, posted_by: req.actor.name }), res))) return;
  res.json({ stock_take: await stockTakeAnswer(req.scope, req.params.id!) });
});
