import { diffFields } from "@voltura/domain";
import { recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../dispatch-roles";
import { getSender, updateSenderPolicy } from "../../../../../modules/campaign-dispatch/senders/senders";

export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  res.json({ sender: await getSender(sqlConnection(req.scope), req.params.session_id!) });
});

/** Changes any part of the number's pacing policy (400 names the field at fault). */
export const PATCH = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const db = sqlConnection(req.scope);
  const sessionId = req.params.session_id!;
  const { before, after } = await updateSenderPolicy(db, sessionId, req.body);
  await recordAudit(req, { action: "campaign.sender_policy_changed", entity: "campaign_sender", entity_id: sessionId, changes: diffFields(before, after) });
  res.json({ sender: await getSender(db, sessionId) });
});
