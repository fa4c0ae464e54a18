import { MedusaError } from "@medusajs/framework/utils";
import { diffFields } from "@voltura/domain";
import { updateCloudConfigBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../../modules/whatsapp/gateway/boot";
import { openCloudSecrets, secretsRing } from "../../../../../../modules/whatsapp/gateway/cloud-secrets";
import { patchWhatsAppSessionWorkflow } from "../../../../../../workflows/patch-whatsapp-session";
import { whatsappService } from "../../../../../../workflows/steps/service";
import { pickSession, SESSION_ADMINS, toApiSession } from "../../../shared";
import { requirePhoneNumberIdFree, requireSecretSetter, sealForSession, secretFieldsIn } from "../../cloud-config";

/**
 * Changes a Cloud API number's config: only the fields given (a secret left out stays as stored).
 * Secrets are the owner's to set; the answer says which are set, never what they are. The session
 * connects again with the new config (a number stopped by a refused token starts again).
 */
export const PATCH = staffRoute(SESSION_ADMINS, async (req, res) => {
  const body = parseOrThrow(updateCloudConfigBodySchema, req.body);
  const session = await pickSession(req.scope, req.params.id);
  if (session.kind !== "cloud_api") throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: session ${session.id} is not a Cloud API number`);
  const secretFields = secretFieldsIn(body);
  requireSecretSetter(req.actor.role, secretFields);
  if (body.phone_number_id) await requirePhoneNumberIdFree(req.scope, body.phone_number_id, session.id);

  let sealed: string | undefined;
  if (secretFields.length) {
    let stored: { access_token: string; app_secret: string; verify_token: string } | null = null;
    if (session.cloud_secrets) {
      try {
        stored = openCloudSecrets(secretsRing(), session.id, session.cloud_secrets);
      } catch {
        // Unreadable (the key ring changed): only a complete set replaces them.
      }
    }
    const merged = { ...stored, ...Object.fromEntries(secretFields.map((f) => [f, body[f]])) } as Record<string, string | undefined>;
    const missing = (["access_token", "app_secret", "verify_token"] as const).filter((f) => !merged[f]);
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${missing.map((f) => `cloud.${f}`).join(", ")}: the stored secrets cannot be read, give all three`);
    }
    sealed = sealForSession(session.id, merged as { access_token: string; app_secret: string; verify_token: string });
  }
  const before = { cloud_phone_number_id: session.cloud_phone_number_id ?? null, cloud_waba_id: session.cloud_waba_id ?? null };
  const after = { cloud_phone_number_id: body.phone_number_id ?? before.cloud_phone_number_id, cloud_waba_id: body.waba_id ?? before.cloud_waba_id };
  await patchWhatsAppSessionWorkflow(req.scope).run({
    input: {
      id: session.id,
      ...(body.phone_number_id ? { cloud_phone_number_id: body.phone_number_id } : {}),
      ...(body.waba_id ? { cloud_waba_id: body.waba_id } : {}),
      ...(sealed ? { cloud_secrets: sealed } : {}),
      enabled: true,
      state: "new",
    },
  });
  await recordAudit(req, {
    action: "whatsapp.cloud_config_changed",
    entity: "whatsapp_session",
    entity_id: session.id,
    changes: diffFields(before, after),
    metadata: { sealed_fields: secretFields },
  });
  const supervisor = await ensureSupervisor(req.scope);
  await supervisor.reconcileNow();
  res.json({ session: toApiSession(await whatsappService(req.scope).retrieveWhatsAppSession(session.id), req.actor.role) });
});
