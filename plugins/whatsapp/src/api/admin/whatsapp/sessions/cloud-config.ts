import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import type { AnyRole } from "@voltura/domain";
import { CLOUD_SECRET_FIELDS, type CloudSecretField } from "@voltura/contracts";
import { CloudSecretsError, secretsRing, sealCloudSecrets, type CloudSecrets } from "../../../../modules/whatsapp/gateway/cloud-secrets";
import { whatsappService } from "../../../../workflows/steps/service";

/** A Cloud API number's secrets (access token, app secret, verify token) are the owner's to set. */
export const CLOUD_SECRET_SETTERS: readonly AnyRole[] = ["owner"];

export function requireSecretSetter(role: string, fields: readonly string[]): void {
  if (fields.length && !CLOUD_SECRET_SETTERS.includes(role as AnyRole)) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, `Only the owner sets a Cloud API number's secrets (${fields.map((f) => `cloud.${f}`).join(", ")})`);
  }
}

/** The secret fields a body carries. */
export function secretFieldsIn(body: Partial<Record<CloudSecretField, unknown>>): CloudSecretField[] {
  return CLOUD_SECRET_FIELDS.filter((f) => body[f] !== undefined);
}

/** 400 naming `cloud.phone_number_id` when another live session already answers for this number. */
export async function requirePhoneNumberIdFree(scope: MedusaContainer, phoneNumberId: string, exceptSessionId?: string): Promise<void> {
  const taken = await whatsappService(scope).listWhatsAppSessions({ cloud_phone_number_id: phoneNumberId }, { take: 2 });
  const other = taken.find((s) => s.id !== exceptSessionId);
  if (other) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: cloud.phone_number_id: ${phoneNumberId} is already the number of session "${other.name}"`);
  }
}

/** Seals the secrets for the session; a missing or unreadable key ring is named, never a 500. */
export function sealForSession(sessionId: string, secrets: CloudSecrets): string {
  try {
    return sealCloudSecrets(secretsRing(), sessionId, secrets);
  } catch (error) {
    if (error instanceof CloudSecretsError || (error as Error).name === "KeyRingError") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The Cloud API secrets cannot be stored: ${(error as Error).message}`);
    }
    throw error;
  }
}
