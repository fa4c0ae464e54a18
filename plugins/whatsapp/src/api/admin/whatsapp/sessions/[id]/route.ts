import { staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../modules/whatsapp/gateway/boot";
import { cloudUniqueUsers } from "../../../../../modules/whatsapp/templates/session-usage";
import { deleteWhatsAppSessionWorkflow } from "../../../../../workflows/delete-whatsapp-session";
import { whatsappService } from "../../../../../workflows/steps/service";
import { pickSession, SESSION_ADMINS, SESSION_READERS, toApiSession } from "../../shared";

/**
 * The session with its live pairing code (`qr`) while it waits for a scan: the console polls this.
 * Only owners and managers get the code; everyone else sees the state without it.
 */
export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  await ensureSupervisor(req.scope);
  const session = await pickSession(req.scope, req.params.id);
  const uniqueUsers = await cloudUniqueUsers(req.scope, [session]);
  res.json({ session: toApiSession(session, req.actor.role, uniqueUsers.get(session.id) ?? null) });
});

/** Stops the session everywhere and forgets its credentials; its message log stays. */
export const DELETE = staffRoute(SESSION_ADMINS, async (req, res) => {
  const session = await pickSession(req.scope, req.params.id);
  await deleteWhatsAppSessionWorkflow(req.scope).run({ input: { id: session.id } });
  const supervisor = await ensureSupervisor(req.scope);
  await supervisor.reconcileNow();
  const remaining = await whatsappService(req.scope).listWhatsAppSessions({ id: session.id });
  res.json({ id: session.id, deleted: remaining.length === 0 });
});
