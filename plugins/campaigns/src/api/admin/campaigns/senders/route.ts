import { sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../dispatch-roles";
import { listSenders } from "../../../../modules/campaign-dispatch/senders/senders";

/** The session monitor: each number's state, today's sends against today's cap, health, timelock and next allowed send. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  res.json({ senders: await listSenders(sqlConnection(req.scope)) });
});
