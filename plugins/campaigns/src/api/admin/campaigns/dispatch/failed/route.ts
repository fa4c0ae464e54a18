import { dispatchFailedBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordedByItsOwnRows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { DISPATCHER } from "../../dispatch-roles";
import { evaluateSenderHealth } from "../../../../../modules/campaign-dispatch/senders/health";
import { recordFailed, HEALTH_ERROR_CODES } from "../../../../../modules/campaign-dispatch/gate/record";
import { announceProgress } from "../../../../../modules/campaigns/planner/live";

/** A final send failure: the recipient is failed with its reason; 463/401/403 count against the number at once. */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchFailedBodySchema, req.body);
  recordedByItsOwnRows(req);
  const answer = await recordFailed(sqlConnection(req.scope), body);
  if (!answer.replayed && body.code !== undefined && (HEALTH_ERROR_CODES as readonly string[]).includes(String(body.code))) {
    const [row] = (await sqlConnection(req.scope).raw(`SELECT session_id FROM campaign_recipient WHERE id = ?`, [body.recipient_id])).rows;
    if (row?.session_id) await evaluateSenderHealth(req.scope, String(row.session_id));
  }
  if (!answer.replayed) await announceProgress(req.scope, body.recipient_id);
  res.json(answer);
});
