import { recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../../dispatch-roles";
import { getSender, resumeSender } from "../../../../../../modules/campaign-dispatch/senders/senders";
import { wakePacers } from "../../../../../../modules/campaigns/planner/run-starter";

/** Lifts the number's pause (a health or timelock pause too: owners and managers only), then wakes its pacer. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const db = sqlConnection(req.scope);
  const sessionId = req.params.session_id!;
  const lifted = await resumeSender(db, sessionId);
  await recordAudit(req, { action: "campaign.sender_resumed", entity: "campaign_sender", entity_id: sessionId, metadata: { lifted_pause: lifted } });
  if (lifted) await wakePacers(req.scope, [sessionId]).catch(() => undefined);
  res.json({ sender: await getSender(db, sessionId) });
});
