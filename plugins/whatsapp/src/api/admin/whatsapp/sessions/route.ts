import { MedusaError } from "@medusajs/framework/utils";
import { createWhatsAppSessionBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../gateway/boot";
import { simulatorEnabled } from "../../../../gateway/settings";
import { createWhatsAppSessionWorkflow } from "../../../../workflows/manage-whatsapp-sessions";
import { whatsappService } from "../../../../workflows/steps/service";
import { SESSION_ADMINS, SESSION_READERS, toApiSession } from "../shared";

export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  await ensureSupervisor(req.scope);
  const sessions = await whatsappService(req.scope).listWhatsAppSessions({}, { order: { created_at: "ASC" } });
  res.json({ sessions: sessions.map((s) => toApiSession(s, req.actor.role)) });
});

/** Adds a number: a simulator (optionally already paired) or a Baileys session that shows its QR next. */
export const POST = staffRoute(SESSION_ADMINS, async (req, res) => {
  const body = parseOrThrow(createWhatsAppSessionBodySchema, req.body);
  if (body.kind === "simulator" && !simulatorEnabled()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: kind: the WhatsApp simulator is switched off (WHATSAPP_SIMULATOR=off)");
  }
  const { result } = await createWhatsAppSessionWorkflow(req.scope).run({ input: body });
  const supervisor = await ensureSupervisor(req.scope);
  await supervisor.reconcileNow();
  const session = await whatsappService(req.scope).retrieveWhatsAppSession(result.id);
  res.status(201).json({ session: toApiSession(session, req.actor.role) });
});
