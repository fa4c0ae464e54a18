import { pauseCampaignSenderBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../../dispatch-roles";
import { getSender, pauseSender } from "../../../../../../modules/campaign-dispatch/senders/senders";

/** Stops campaign sends from this number (its share waits; other numbers keep their own caps). */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(pauseCampaignSenderBodySchema, req.body ?? {});
  const db = sqlConnection(req.scope);
  const sessionId = req.params.session_id!;
  const changed = await pauseSender(db, sessionId, "manual", req.actor.id);
  await recordAudit(req, { action: "campaign.sender_paused", entity: "campaign_sender", entity_id: sessionId, metadata: { reason: body.reason ?? null, already_paused: !changed } });
  res.json({ sender: await getSender(db, sessionId) });
});
