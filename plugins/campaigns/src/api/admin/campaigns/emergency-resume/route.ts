import { LIVE_EVENTS } from "@voltura/domain";
import { recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../dispatch-roles";
import { readEmergencyStop, releaseStop } from "../../../../modules/campaign-dispatch/gate/emergency-stop";
import { announceCampaign } from "../../../../modules/campaigns/planner/live";
import { wakePacers } from "../../../../modules/campaigns/planner/run-starter";

/** Releases the emergency stop (owners and managers), then wakes the numbers' pacers so sending resumes at once. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const db = sqlConnection(req.scope);
  const changed = await releaseStop(db, { id: req.actor.id, name: req.actor.name ?? null });
  await recordAudit(req, { action: "campaign.emergency_resume", entity: "campaign_control", entity_id: "emergency_stop", metadata: { was_stopped: changed } });
  if (changed) {
    await announceCampaign(req.scope, LIVE_EVENTS.campaignEmergencyStop, { stopped: false, actor_id: req.actor.id });
    const sessions = await rows(db,
      `SELECT jsonb_array_elements_text(session_ids) AS session_id FROM campaign WHERE status = 'running' AND deleted_at IS NULL
       UNION SELECT cloud_template ->> 'session_id' FROM campaign WHERE status = 'running' AND deleted_at IS NULL AND cloud_template IS NOT NULL`);
    await wakePacers(req.scope, sessions.map((s) => String(s.session_id))).catch(() => undefined);
  }
  res.json({ emergency_stop: await readEmergencyStop(db) });
});
