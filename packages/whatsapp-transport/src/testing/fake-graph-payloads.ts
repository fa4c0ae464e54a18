import { randomBytes } from "node:crypto";
import type { MessagingLimitTier, QualityRating, ReceiptStatus } from "../types.js";

/** Titles Meta uses for the error codes the fake produces (error.message is "(#code) title"). */
export const GRAPH_ERROR_TITLES: Record<number, string> = {
  100: "Invalid parameter",
  190: "Invalid OAuth access token - Cannot parse access token",
  368: "Temporarily blocked for policies violations",
  80007: "Rate limit issues",
  130429: "Rate limit hit",
  131026: "Message Undeliverable",
  131031: "Account has been locked",
  131047: "Re-engagement message",
  131056: "(Business Account, Consumer Account) pair rate limit hit",
  132000: "Number of parameters does not match the expected number of params",
  132001: "Template name does not exist in the translation",
  132005: "Translated text too long",
  132007: "Template Format Character Policy Violated",
  132012: "Template Parameter Format Mismatch",
};

const DEFAULT_HTTP_STATUS: Record<number, number> = { 190: 401, 10: 403, 200: 403, 130429: 429, 80007: 429 };

export interface GraphErrorSpec {
  code: number;
  title?: string;
  /** error_data.details. */
  details?: string;
  subcode?: number;
  /** Default: 401 for 190, 403 for 10 / 200, 429 for throughput, 400 otherwise. */
  httpStatus?: number;
}

/** A Graph error answer: its HTTP status and the documented body. */
export function graphErrorAnswer(spec: GraphErrorSpec): { httpStatus: number; body: Record<string, unknown> } {
  const title = spec.title ?? GRAPH_ERROR_TITLES[spec.code] ?? "Something went wrong";
  return {
    httpStatus: spec.httpStatus ?? DEFAULT_HTTP_STATUS[spec.code] ?? 400,
    body: {
      error: {
        message: `(#${spec.code}) ${title}`,
        type: "OAuthException",
        code: spec.code,
        ...(spec.subcode !== undefined ? { error_subcode: spec.subcode } : {}),
        error_data: { messaging_product: "whatsapp", details: spec.details ?? title },
        fbtrace_id: `A${randomBytes(8).toString("hex")}`,
      },
    },
  };
}

/** A wamid shaped like Meta's ("wamid.HBgL…"). */
export function newWamid(): string {
  return `wamid.HBgL${randomBytes(18).toString("base64url")}`;
}

export interface WebhookIdentity {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

const unix = (at: Date) => String(Math.floor(at.getTime() / 1000));

function envelope(identity: WebhookIdentity, field: string, value: Record<string, unknown>, at: Date) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: identity.wabaId, time: Math.floor(at.getTime() / 1000), changes: [{ field, value }] }],
  };
}

function messagesValue(identity: WebhookIdentity, rest: Record<string, unknown>) {
  return {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: identity.displayPhoneNumber, phone_number_id: identity.phoneNumberId },
    ...rest,
  };
}

export interface InboundSpec {
  /** E.164 or digits. */
  from: string;
  /** Default: a fresh wamid. Re-use one to model Meta re-delivering. */
  id?: string;
  text?: string;
  /** Media by an id from the fake's media store (see FakeGraphApi.addMedia). */
  media?: { kind: "image" | "video" | "audio" | "document" | "sticker"; id: string; mimeType?: string; caption?: string; fileName?: string };
  /** A tapped reply button / list row (interactive), or a template quick-reply button (`template: true`). */
  reply?: { id: string; title: string; list?: boolean; template?: boolean };
  /** The profile name shown in contacts. */
  name?: string;
  at?: Date;
}

/** The `messages` webhook for one inbound message, exactly as Meta shapes it. */
export function inboundWebhookPayload(identity: WebhookIdentity, spec: InboundSpec & { id: string }, at: Date) {
  const waId = spec.from.replace(/^\+/, "");
  const message: Record<string, unknown> = { from: waId, id: spec.id, timestamp: unix(spec.at ?? at) };
  if (spec.reply?.template) Object.assign(message, { type: "button", button: { payload: spec.reply.id, text: spec.reply.title } });
  else if (spec.reply) {
    const type = spec.reply.list ? "list_reply" : "button_reply";
    Object.assign(message, { type: "interactive", interactive: { type, [type]: { id: spec.reply.id, title: spec.reply.title } } });
  } else if (spec.media) {
    const { kind, id, mimeType, caption, fileName } = spec.media;
    const object = { id, mime_type: mimeType ?? "application/octet-stream", sha256: "fake", ...(caption ? { caption } : {}), ...(fileName ? { filename: fileName } : {}) };
    Object.assign(message, { type: kind, [kind]: object });
  } else Object.assign(message, { type: "text", text: { body: spec.text ?? "" } });
  const contacts = [{ profile: { name: spec.name ?? "Pelanggan" }, wa_id: waId }];
  return envelope(identity, "messages", messagesValue(identity, { contacts, messages: [message] }), at);
}

export interface StatusSpec {
  wamid: string;
  status: ReceiptStatus | "failed";
  /** E.164 or digits. */
  to: string;
  correlationId?: string;
  error?: { code: number; title?: string; details?: string };
  at?: Date;
}

/** The `messages` webhook for one status of an outbound message (sent / delivered / read / failed). */
export function statusWebhookPayload(identity: WebhookIdentity, spec: StatusSpec, at: Date) {
  const waId = spec.to.replace(/^\+/, "");
  const status: Record<string, unknown> = { id: spec.wamid, status: spec.status, timestamp: unix(spec.at ?? at), recipient_id: waId };
  if (spec.correlationId) status.biz_opaque_callback_data = spec.correlationId;
  if (spec.status !== "failed") {
    status.conversation = { id: "CONVERSATION_ID", origin: { type: "service" } };
    status.pricing = { billable: true, pricing_model: "PMP", category: "service" };
  } else {
    const code = spec.error?.code ?? 131026;
    const title = spec.error?.title ?? GRAPH_ERROR_TITLES[code] ?? "Message failed";
    status.errors = [{ code, title, message: title, error_data: { details: spec.error?.details ?? title } }];
  }
  return envelope(identity, "messages", messagesValue(identity, { statuses: [status] }), at);
}

const QUALITY_EVENT: Partial<Record<QualityRating, string>> = { RED: "FLAGGED", GREEN: "UNFLAGGED" };

/** phone_number_quality_update: the tier now in force, and FLAGGED / UNFLAGGED for a RED / GREEN rating. */
export function qualityWebhookPayload(identity: WebhookIdentity, tier: MessagingLimitTier, quality: QualityRating | null, at: Date) {
  const event = (quality && QUALITY_EVENT[quality]) ?? "UPGRADE";
  return envelope(identity, "phone_number_quality_update", { display_phone_number: identity.displayPhoneNumber, event, current_limit: tier }, at);
}

/** message_template_status_update for one template. */
export function templateStatusWebhookPayload(
  identity: WebhookIdentity,
  template: { id: string; name: string; language: string; status: string; reason?: string | null },
  at: Date,
) {
  return envelope(
    identity,
    "message_template_status_update",
    {
      event: template.status,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: template.reason ?? "NONE",
    },
    at,
  );
}

/** account_update ACCOUNT_RESTRICTION: business-initiated messaging restricted until `until`, or no restriction (lifted). */
export function restrictionWebhookPayload(identity: WebhookIdentity, until: Date | null, at: Date) {
  const restrictionInfo = until ? [{ restriction_type: "RESTRICTED_BIZ_INITIATED_MESSAGING", expiration: Math.floor(until.getTime() / 1000) }] : [];
  return envelope(identity, "account_update", { phone_number: identity.displayPhoneNumber, event: "ACCOUNT_RESTRICTION", restriction_info: restrictionInfo }, at);
}
