import { MANAGERS } from "@voltura/domain";
import { createStockTakeBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { openStockTakeWorkflow } from "../../../../workflows/open-stock-take";
import { stockTakeAnswer, stockTakesAnswer } from "../answers";
import { runWorkflow } from "../run";

export const GET = staffRoute(MANAGERS, async (req, res) => {
  res.json({ stock_takes: await stockTakesAnswer(req.scope, {}) });
});

/** Opens a session: the location's stock is snapshotted as the expected quantities. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(createStockTakeBodySchema, req.body);
  const result = (await runWorkflow(openStockTakeWorkflow, req.scope, { ...body, created_by: req.actor.name }, res)) as { id: string } | undefined;
  if (!result) return;
  res.status(201).json({ stock_take: await stockTakeAnswer(req.scope, result.id) });
});
