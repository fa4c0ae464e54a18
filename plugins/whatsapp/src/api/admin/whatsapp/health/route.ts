import { staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../modules/whatsapp/gateway/boot";
import { simulatorEnabled } from "../../../../modules/whatsapp/gateway/settings";
import { cloudUniqueUsers } from "../../../../modules/whatsapp/templates/session-usage";
import { whatsappService } from "../../../../workflows/steps/service";
import { SESSION_READERS, toApiSession } from "../shared";

/**
 * The health panel: each session's state, last seen, reconnects and alerts, and this process's view
 * (QR for owners and managers only); a Cloud API number also shows its messaging limit tier, quality
 * rating and the distinct customers it wrote to in the last 24 h (`limits`).
 */
export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  const supervisor = await ensureSupervisor(req.scope);
  const sessions = await whatsappService(req.scope).listWhatsAppSessions({}, { order: { created_at: "ASC" } });
  const uniqueUsers = await cloudUniqueUsers(req.scope, sessions);
  res.json({
    instance: supervisor.instanceId,
    auth_state_key: supervisor.authKey.status,
    simulator_enabled: simulatorEnabled(),
    sessions: sessions.map((s) => ({ ...toApiSession(s, req.actor.role, uniqueUsers.get(s.id) ?? null), owned_here: supervisor.ownsSession(s.id) })),
  });
});
