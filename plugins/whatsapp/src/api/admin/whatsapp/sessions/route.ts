import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import { diffFields } from "@voltura/domain";
import { createWhatsAppSessionBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../modules/whatsapp/gateway/boot";
import { simulatorEnabled } from "../../../../modules/whatsapp/gateway/settings";
import { cloudUniqueUsers } from "../../../../modules/whatsapp/templates/session-usage";
import { createWhatsAppSessionWorkflow } from "../../../../workflows/create-whatsapp-session";
import { whatsappService } from "../../../../workflows/steps/service";
import { SESSION_ADMINS, SESSION_READERS, toApiSession } from "../shared";
import { requirePhoneNumberIdFree, requireSecretSetter, sealForSession, secretFieldsIn } from "./cloud-config";

export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  await ensureSupervisor(req.scope);
  const sessions = await whatsappService(req.scope).listWhatsAppSessions({}, { order: { created_at: "ASC" } });
  const uniqueUsers = await cloudUniqueUsers(req.scope, sessions);
  res.json({ sessions: sessions.map((s) => toApiSession(s, req.actor.role, uniqueUsers.get(s.id) ?? null)) });
});

/**
 * Adds a number: a simulator (optionally already paired), a Baileys session that shows its QR next,
 * or a Cloud API number (`cloud`: ids and secrets from Meta; the owner only) that connects at once.
 */
export const POST = staffRoute(SESSION_ADMINS, async (req, res) => {
  const body = parseOrThrow(createWhatsAppSessionBodySchema, req.body);
  if (body.kind === "simulator" && !simulatorEnabled()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: kind: the WhatsApp simulator is switched off (WHATSAPP_SIMULATOR=off)");
  }
  const { cloud: config, ...session } = body;
  let cloud: { phone_number_id: string; waba_id: string; sealed_secrets: string } | undefined;
  let id: string | undefined;
  if (body.kind === "cloud_api" && config) {
    requireSecretSetter(req.actor.role, secretFieldsIn(config));
    await requirePhoneNumberIdFree(req.scope, config.phone_number_id);
    id = generateEntityId(undefined, "wa_sess");
    const secrets = { access_token: config.access_token, app_secret: config.app_secret, verify_token: config.verify_token };
    cloud = { phone_number_id: config.phone_number_id, waba_id: config.waba_id, sealed_secrets: sealForSession(id, secrets) };
  }
  const { result } = await createWhatsAppSessionWorkflow(req.scope).run({ input: { ...session, ...(id ? { id } : {}), ...(cloud ? { cloud } : {}) } });
  await recordAudit(req, {
    action: "whatsapp.session_created",
    entity: "whatsapp_session",
    entity_id: result.id,
    changes: diffFields(null, { name: body.name, kind: body.kind, is_default: body.is_default, ...(cloud ? { cloud_phone_number_id: cloud.phone_number_id, cloud_waba_id: cloud.waba_id } : {}) }),
    // Which secrets were stored, never their values.
    metadata: cloud ? { sealed_fields: secretFieldsIn(config!) } : null,
  });
  const supervisor = await ensureSupervisor(req.scope);
  await supervisor.reconcileNow();
  const stored = await whatsappService(req.scope).retrieveWhatsAppSession(result.id);
  res.status(201).json({ session: toApiSession(stored, req.actor.role) });
});
