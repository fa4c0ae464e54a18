import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { stockTakeAnswer } from "../../answers";

/** The session with its lines and the variance review. */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  res.json({ stock_take: await stockTakeAnswer(req.scope, req.params.id!) });
});
