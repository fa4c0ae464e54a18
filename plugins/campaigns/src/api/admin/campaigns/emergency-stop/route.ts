import { LIVE_EVENTS } from "@voltura/domain";
import { emergencyStopBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { STOP_PRESSERS, STOP_READERS } from "../dispatch-roles";
import { pressStop, readEmergencyStop } from "../../../../modules/campaign-dispatch/gate/emergency-stop";
import { announceCampaign } from "../../../../modules/campaigns/planner/live";
import { stopPacers } from "../../../../modules/campaigns/planner/run-starter";

/** The stop's state, for the header button (shown while anything runs or while it is pressed). */
export const GET = staffRoute(STOP_READERS, async (req, res) => {
  res.json({ emergency_stop: await readEmergencyStop(sqlConnection(req.scope)) });
});

/**
 * Any staff member may press it: from the next gate call on, no campaign message leaves any number on any instance
 * (the gate reads it in every decision). Campaigns keep their status; releasing needs a manager.
 */
export const POST = staffRoute(STOP_PRESSERS, async (req, res) => {
  const body = parseOrThrow(emergencyStopBodySchema, req.body ?? {});
  const db = sqlConnection(req.scope);
  const changed = await pressStop(db, { id: req.actor.id, name: req.actor.name ?? null }, body.reason ?? null);
  const state = await readEmergencyStop(db);
  if (changed) await announceCampaign(req.scope, LIVE_EVENTS.campaignEmergencyStop, { stopped: true, actor_id: req.actor.id });
  await recordAudit(req, {
    action: "campaign.emergency_stop", entity: "campaign_control", entity_id: "emergency_stop",
    metadata: { reason: body.reason ?? null, already_stopped: !changed, running_campaigns: state.running_campaigns },
  });
  const senders = await rows(db, `SELECT session_id FROM campaign_sender`);
  await stopPacers(req.scope, senders.map((s) => String(s.session_id)), "emergency stop");
  res.json({ emergency_stop: state });
});
