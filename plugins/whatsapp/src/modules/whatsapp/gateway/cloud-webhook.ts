import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { CloudWebhookPayloadError, parseCloudWebhook, verifyWebhookSignature, type CloudWebhookEvents, type InboundMessage } from "@voltura/whatsapp-transport";
import { payloadForSession, verificationChallenge, webhookEventKey, webhookTargets } from "../../../domain/cloud-webhook";
import { recordInboundWhatsAppWorkflow } from "../../../workflows/record-inbound-whatsapp";
import { patchWhatsAppSessionWorkflow } from "../../../workflows/patch-whatsapp-session";
import { currentGateway } from "./port";
import { applyCloudStatus } from "./cloud-status";
import { openCloudSecrets, secretsRing, type CloudSecrets } from "./cloud-secrets";
import { allCloudSessions, cloudSessionsFor, markWebhookEventIn, setTemplateStatus, webhookEventSeen, type CloudSessionRow } from "./cloud-store";
import { inboundInput, patchForLimits } from "./session-runtime";

const logger = (container: MedusaContainer) => container.resolve<Logger>(ContainerRegistrationKeys.LOGGER);

function secretsOf(container: MedusaContainer, session: CloudSessionRow): CloudSecrets | null {
  try {
    return openCloudSecrets(secretsRing(), session.id, session.cloud_secrets!);
  } catch (error) {
    logger(container).error(`WhatsApp Cloud API session ${session.id}: secrets unreadable, its webhooks are refused: ${(error as Error).message}`);
    return null;
  }
}

/** The `hub.challenge` to echo for Meta's subscription check, or null (403). */
export async function cloudVerificationChallenge(container: MedusaContainer, query: Record<string, unknown>): Promise<string | null> {
  const tokens = (await allCloudSessions(container)).map((s) => secretsOf(container, s)?.verify_token).filter((t): t is string => Boolean(t));
  return verificationChallenge(query, tokens);
}

export interface WebhookReceipt {
  /** False: no session of the named numbers signed it (401, nothing stored). */
  verified: boolean;
  inbound: number;
  statuses: { applied: number; parked: number; duplicate: number };
}

/**
 * One delivery from Meta. The signature (`X-Hub-Signature-256`, HMAC-SHA256 of the raw bytes with the
 * app secret) is checked against the sessions the delivery names before anything is stored; only
 * the changes of sessions whose secret matches are applied. Each event is applied once; a failure
 * throws, Meta delivers again, and what already applied is skipped.
 */
export async function receiveCloudWebhook(container: MedusaContainer, rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookReceipt> {
  const receipt: WebhookReceipt = { verified: false, inbound: 0, statuses: { applied: 0, parked: 0, duplicate: 0 } };
  if (!rawBody?.length || !signature) return receipt;
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return receipt;
  }
  const targets = webhookTargets(payload);
  const sessions = await cloudSessionsFor(container, targets.phoneNumberIds, targets.wabaIds);
  const verified = sessions.filter((session) => {
    const secrets = secretsOf(container, session);
    return secrets !== null && verifyWebhookSignature(rawBody, signature, secrets.app_secret);
  });
  if (!verified.length) return receipt;
  receipt.verified = true;
  for (const session of verified) {
    const part = payloadForSession(payload, { phoneNumberId: session.cloud_phone_number_id, wabaId: session.cloud_waba_id });
    if (!part) continue;
    let events: CloudWebhookEvents;
    try {
      events = parseCloudWebhook(part);
    } catch (error) {
      if (!(error instanceof CloudWebhookPayloadError)) throw error;
      logger(container).warn(`WhatsApp Cloud API webhook for session ${session.id} skipped: ${error.message}`);
      continue;
    }
    for (const dropped of events.dropped) logger(container).info(`WhatsApp Cloud API webhook (session ${session.id}): ${dropped}`);
    await applyEvents(container, session, events, receipt);
  }
  return receipt;
}

async function applyEvents(container: MedusaContainer, session: CloudSessionRow, events: CloudWebhookEvents, receipt: WebhookReceipt): Promise<void> {
  for (const message of events.inbound) {
    if (await recordInbound(container, session.id, message)) receipt.inbound += 1;
  }
  for (const status of events.receipts) {
    const outcome = await applyCloudStatus(container, session.id, {
      waMessageId: status.messageId, status: status.status, ...(status.correlationId ? { correlationId: status.correlationId } : {}),
    });
    receipt.statuses[outcome] += 1;
  }
  for (const failure of events.failures) {
    const outcome = await applyCloudStatus(container, session.id, {
      waMessageId: failure.messageId,
      status: "failed",
      code: failure.code,
      ...(failure.correlationId ? { correlationId: failure.correlationId } : {}),
      ...(failure.errorCode !== undefined ? { errorCode: failure.errorCode } : {}),
      ...(failure.errorTitle ? { errorTitle: failure.errorTitle } : {}),
    });
    receipt.statuses[outcome] += 1;
  }
  if (events.limits) {
    await patchWhatsAppSessionWorkflow(container).run({ input: { id: session.id, ...patchForLimits(events.limits) } });
  }
  for (const template of events.templateStatuses) {
    const status = template.status;
    if (!["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"].includes(status)) continue;
    const key = webhookEventKey.template(session.id, template.name, template.language, status, template.timestamp);
    await setTemplateStatus(container, { session_id: session.id, name: template.name, language: template.language, status, reason: template.reason ?? null }, key).catch(
      (error: unknown) => logger(container).warn(`WhatsApp template ${template.name} (${template.language}) status not recorded: ${String(error)}`),
    );
  }
}

/** The same inbound path as Baileys; marked read on WhatsApp (best effort) when this process owns the number. */
async function recordInbound(container: MedusaContainer, sessionId: string, message: InboundMessage): Promise<boolean> {
  const key = webhookEventKey.inbound(sessionId, message.id);
  if (await webhookEventSeen(container, key)) return false;
  const { result } = await recordInboundWhatsAppWorkflow(container).run({
    input: inboundInput(sessionId, message, false),
  });
  await markWebhookEventIn(container, key);
  void currentGateway()?.markRead?.(sessionId, message.from, message.id);
  return !result.duplicate;
}
