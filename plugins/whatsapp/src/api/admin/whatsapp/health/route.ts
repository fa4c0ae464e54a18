import { staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../gateway/boot";
import { whatsappService } from "../../../../workflows/steps/service";
import { SESSION_READERS, toApiSession } from "../shared";

/** The health panel: each session's state, last seen, reconnects and alerts, and this process's view. */
export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  const supervisor = await ensureSupervisor(req.scope);
  const sessions = await whatsappService(req.scope).listWhatsAppSessions({}, { order: { created_at: "ASC" } });
  res.json({
    instance: supervisor.instanceId,
    auth_state_key: supervisor.authKey.status,
    sessions: sessions.map((s) => ({ ...toApiSession(s), owned_here: supervisor.ownsSession(s.id) })),
  });
});
