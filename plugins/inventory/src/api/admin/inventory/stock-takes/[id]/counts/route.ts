import { MANAGERS } from "@voltura/domain";
import { recordStockTakeCountBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { recordStockTakeCountWorkflow } from "../../../../../../workflows/record-stock-take-count";
import { stockTakeAnswer } from "../../../answers";
import { runWorkflow } from "../../../run";

/** A scan (code → +1) or a typed count (line_id, mode set). */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(recordStockTakeCountBodySchema, req.body);
  if (!(await runWorkflow(recordStockTakeCountWorkflow, req.scope, { stock_take_id: req.params.id!, ...body }, res))) return;
  res.json({ stock_take: await stockTakeAnswer(req.scope, req.params.id!) });
});
