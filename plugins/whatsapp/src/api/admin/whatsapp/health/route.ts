import { staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../gateway/boot";
import { simulatorEnabled } from "../../../../gateway/settings";
import { whatsappService } from "../../../../workflows/steps/service";
import { SESSION_READERS, toApiSession } from "../shared";

/** The health panel: each session's state, last seen, reconnects and alerts, and this process's view (QR for owners and managers only). */
export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  const supervisor = await ensureSupervisor(req.scope);
  const sessions = await whatsappService(req.scope).listWhatsAppSessions({}, { order: { created_at: "ASC" } });
  res.json({
    instance: supervisor.instanceId,
    auth_state_key: supervisor.authKey.status,
    simulator_enabled: simulatorEnabled(),
    sessions: sessions.map((s) => ({ ...toApiSession(s, req.actor.role), owned_here: supervisor.ownsSession(s.id) })),
  });
});
