import { dispatchSentBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, recordedByItsOwnRows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { DISPATCHER } from "../../../../../dispatch/access";
import { recordSent } from "../../../../../dispatch/record";
import { announceProgress } from "../../../../../planner/live";

/** The gateway took the message: the recipient is sent and the send counts on its number (idempotent). */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchSentBodySchema, req.body);
  recordedByItsOwnRows(req);
  const answer = await recordSent(sqlConnection(req.scope), body);
  if (!answer.replayed) await announceProgress(req.scope, body.recipient_id);
  res.json(answer);
});
