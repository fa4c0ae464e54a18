import { ApplicationFailure } from "@temporalio/activity";
import { type SendWhatsAppBody } from "@voltura/contracts";
import { CommerceError, sendWhatsAppMessage } from "@voltura/medusa-client";
import { WHATSAPP_SEND_FAILURES, type SendWhatsAppOutcome, type SendWhatsAppRequest, type WhatsAppActivities } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";
import { loadOverrides, templatedBody } from "./message-templates.js";

/**
 * Maps the gateway's answer to what Temporal should do: 409 opted_out and other 4xx are final
 * (non-retryable); 5xx, 503 session_unavailable and an unreachable commerce are retried — safely,
 * since the gateway sends at most once per idempotency key.
 */
export function sendFailure(err: unknown, to: string): unknown {
  if (!(err instanceof CommerceError) || err.status >= 500) return err;
  const code = (err.body as { code?: string } | undefined)?.code;
  if (err.status === 409 && code === "opted_out") {
    return ApplicationFailure.create({ message: `${to} opted out of WhatsApp reminders`, type: WHATSAPP_SEND_FAILURES.optedOut, nonRetryable: true });
  }
  return ApplicationFailure.create({
    message: `The WhatsApp gateway refused the message to ${to}: ${err.status} ${err.message}`,
    type: WHATSAPP_SEND_FAILURES.refused,
    nonRetryable: true,
    details: [err.type ?? null],
  });
}

/** What the send route takes beyond the text: the Cloud API template, or the purpose whose bound template commerce may use. */
interface TemplateFields {
  template?: { name: string; language: string; params: string[] };
  template_purpose?: string;
  variables?: Record<string, string>;
}

/** The template fields of a send: a fixed template (campaigns), or a purpose + variables commerce resolves (quotes, pickups). */
export function templateFields(input: Pick<SendWhatsAppRequest, "cloudTemplate" | "templatePurpose" | "variables" | "template">): TemplateFields {
  if (input.cloudTemplate) return { template: input.cloudTemplate };
  if (input.templatePurpose) return { template_purpose: input.templatePurpose, variables: input.variables ?? input.template?.values ?? {} };
  return {};
}

export function createWhatsAppActivities({ commerce }: ActivityDeps): WhatsAppActivities {
  return {
    async sendWhatsApp(input): Promise<SendWhatsAppOutcome> {
      if (!input.idempotencyKey?.trim()) {
        throw ApplicationFailure.create({ message: "sendWhatsApp needs an idempotencyKey", type: WHATSAPP_SEND_FAILURES.refused, nonRetryable: true });
      }
      const body = input.template ? templatedBody(input.body, input.template, await loadOverrides(commerce)) : input.body;
      try {
        const request: SendWhatsAppBody & TemplateFields = {
          to: input.to,
          body,
          idempotency_key: input.idempotencyKey,
          ...(input.media ? { media: input.media } : {}),
          ...(input.context ? { context: input.context } : {}),
          ...(input.sessionId ? { session_id: input.sessionId } : {}),
          ...templateFields(input),
        };
        const { message } = await sendWhatsAppMessage(commerce, request);
        return { messageId: message.id, waMessageId: message.wa_message_id, status: message.status };
      } catch (err) {
        throw sendFailure(err, input.to);
      }
    },
  };
}
