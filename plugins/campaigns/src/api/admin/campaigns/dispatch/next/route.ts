import { dispatchNextBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, recordedByItsOwnRows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { optOutLink } from "../../../../../domain/opt-out-token";
import { DISPATCHER } from "../../../../../dispatch/access";
import { runGate } from "../../../../../dispatch/gate";

/**
 * The send gate for one number (the pacer asks before every send): send this recipient now, wait until an instant,
 * or idle. No generic audit row: a claim is the recipient row's own checkpoint, and a wait changes nothing.
 */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchNextBodySchema, req.body);
  const decision = await runGate(sqlConnection(req.scope), body.session_id, { optoutLink: (phone, language) => optOutLink(phone, language) });
  recordedByItsOwnRows(req);
  res.json(decision);
});
