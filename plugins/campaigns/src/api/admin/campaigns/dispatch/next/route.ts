import { dispatchNextBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordedByItsOwnRows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { optOutLink } from "../../../../../domain/opt-out-token";
import { DISPATCHER } from "../../dispatch-roles";
import { runGate } from "../../../../../modules/campaign-dispatch/gate/gate";
import { shopNameOf } from "../../../../../modules/campaigns/planner/shop";

/**
 * The send gate for one number (the pacer asks before every send): send this recipient now, wait until an instant,
 * or idle. No generic audit row: a claim is the recipient row's own checkpoint, and a wait changes nothing.
 */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchNextBodySchema, req.body);
  const decision = await runGate(sqlConnection(req.scope), body.session_id, {
    optoutLink: (phone, language) => optOutLink(phone, language),
    shopName: () => shopNameOf(req.scope),
  });
  recordedByItsOwnRows(req);
  res.json(decision);
});
