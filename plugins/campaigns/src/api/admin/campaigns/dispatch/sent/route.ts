import { dispatchSentBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, recordedByItsOwnRows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { DISPATCHER } from "../../../../../dispatch/access";
import { recordSent } from "../../../../../dispatch/record";

/** The gateway took the message: the recipient is sent and the send counts on its number (idempotent). */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchSentBodySchema, req.body);
  recordedByItsOwnRows(req);
  res.json(await recordSent(sqlConnection(req.scope), body));
});
