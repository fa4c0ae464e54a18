import { staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../../modules/whatsapp/gateway/boot";
import { patchWhatsAppSessionWorkflow } from "../../../../../../workflows/patch-whatsapp-session";
import { whatsappService } from "../../../../../../workflows/steps/service";
import { PAIRING_ROLES, pickSession, toApiSession } from "../../../shared";

/**
 * Starts the session again (after a logout, a replaced connection or a stop): the owner connects
 * and, without credentials, publishes a fresh QR in the session's `qr`.
 */
export const POST = staffRoute(PAIRING_ROLES, async (req, res) => {
  const session = await pickSession(req.scope, req.params.id);
  await patchWhatsAppSessionWorkflow(req.scope).run({ input: { id: session.id, enabled: true, state: "new", qr: null } });
  const supervisor = await ensureSupervisor(req.scope);
  await supervisor.reconcileNow();
  res.json({ session: toApiSession(await whatsappService(req.scope).retrieveWhatsAppSession(session.id), req.actor.role) });
});
