import { dispatchSentBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordedByItsOwnRows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { DISPATCHER } from "../../dispatch-roles";
import { recordSent } from "../../../../../modules/campaign-dispatch/gate/record";
import { announceProgress } from "../../../../../modules/campaigns/planner/live";

/** The gateway took the message: the recipient is sent and the send counts on its number (idempotent). */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchSentBodySchema, req.body);
  recordedByItsOwnRows(req);
  const answer = await recordSent(sqlConnection(req.scope), body);
  if (!answer.replayed) await announceProgress(req.scope, body.recipient_id);
  res.json(answer);
});
