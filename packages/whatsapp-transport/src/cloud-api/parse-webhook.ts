import type { z } from "zod";
import {
  e164Schema,
  messagingLimitTiers,
  type E164,
  type InboundMessage,
  type LimitsEvent,
  type MessagingLimitTier,
  type Receipt,
  type SendFailure,
} from "../types.js";
import { normalizeTemplateStatus, type CloudTemplateStatus } from "./graph-account.js";
import { graphFailureOf } from "./graph-errors.js";
import {
  accountUpdateSchema,
  cloudWebhookEnvelopeSchema,
  inboundBodySchema,
  mediaObjectSchema,
  messageHeadSchema,
  messagesValueSchema,
  qualityUpdateSchema,
  statusSchema,
  templateStatusUpdateSchema,
} from "./webhook-schema.js";

export interface CloudTemplateStatusUpdate {
  name: string;
  language: string;
  /**
   * Normalised to APPROVED | PENDING | REJECTED | PAUSED | DISABLED (REINSTATED → APPROVED, IN_APPEAL →
   * PENDING, see normalizeTemplateStatus); typed open so a caller's own mapping of Meta's words still compiles.
   */
  status: CloudTemplateStatus | (string & {});
  /** Meta's word for it (APPROVED, REJECTED, PAUSED, REINSTATED…). */
  event: string;
  reason?: string;
  templateId?: string;
  /** When Meta says it happened (the entry's time), ISO 8601 UTC. */
  timestamp: string;
}

/** Everything one webhook delivery carried, in the transport's own types. */
export interface CloudWebhookEvents {
  /** The business phone number the messages / statuses are for (metadata.phone_number_id); null for account-level updates. */
  phoneNumberId: string | null;
  /** The WABA (entry id). */
  wabaId: string | null;
  /** The business number as displayed (metadata or a quality update), digits as Meta gives them. */
  displayPhoneNumber: string | null;
  inbound: InboundMessage[];
  /** sent / delivered / read; `correlationId` = biz_opaque_callback_data. Stable: messageId + status. */
  receipts: Receipt[];
  /** failed statuses, with WhatsApp's error code and title. */
  failures: SendFailure[];
  /** Tier / quality (phone_number_quality_update) and a business-initiated restriction (account_update). */
  limits?: LimitsEvent;
  templateStatuses: CloudTemplateStatusUpdate[];
  /** What was skipped and why (unsupported message types, entries that failed validation). */
  dropped: string[];
}

/** The payload is not a Cloud API webhook at all (answer 400; store nothing). */
export class CloudWebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CloudWebhookPayloadError";
  }
}

function isoFromUnix(seconds: string | number): string {
  return new Date(Number(seconds) * 1000).toISOString();
}

function phoneOf(waId: string | undefined): E164 | undefined {
  const parsed = e164Schema.safeParse(`+${(waId ?? "").replace(/^\+/, "")}`);
  return parsed.success ? parsed.data : undefined;
}

type MessagesValue = z.infer<typeof messagesValueSchema>;
type InboundBody = z.infer<typeof inboundBodySchema>;
type MediaBody = Extract<InboundBody, { type: "image" | "video" | "audio" | "document" | "sticker" }>;

function mediaOf(content: MediaBody): z.infer<typeof mediaObjectSchema> {
  switch (content.type) {
    case "image":
      return content.image;
    case "video":
      return content.video;
    case "audio":
      return content.audio;
    case "document":
      return content.document;
    case "sticker":
      return content.sticker;
  }
}

function inboundFrom(raw: unknown, value: MessagesValue, events: CloudWebhookEvents): void {
  const head = messageHeadSchema.safeParse(raw);
  if (!head.success) return void events.dropped.push(`message: ${head.error.issues[0]?.message ?? "invalid"}`);
  const { id, from, timestamp, type } = head.data;
  const body = inboundBodySchema.safeParse(raw);
  if (!body.success) return void events.dropped.push(`message ${id}: type ${type} is not handled`);
  const phone = phoneOf(from);
  if (!phone) return void events.dropped.push(`message ${id}: sender ${from} is not a phone number`);
  const contact = value.contacts?.find((candidate) => candidate.wa_id === from) ?? value.contacts?.[0];
  const message: InboundMessage = { id, from: phone, text: "", timestamp: isoFromUnix(timestamp) };
  if (contact?.profile?.name) message.pushName = contact.profile.name;
  const content = body.data;
  if (content.type === "text") message.text = content.text.body;
  else if (content.type === "interactive") {
    const reply = content.interactive.type === "button_reply" ? content.interactive.button_reply : content.interactive.list_reply;
    message.reply = { id: reply.id, title: reply.title };
    message.text = reply.title;
  } else if (content.type === "button") {
    message.reply = { id: content.button.payload ?? content.button.text, title: content.button.text };
    message.text = content.button.text;
  } else {
    const media = mediaOf(content);
    message.text = media.caption ?? "";
    message.media = {
      kind: content.type,
      mediaId: media.id,
      ...(media.mime_type ? { mimeType: media.mime_type } : {}),
      ...(media.filename ? { fileName: media.filename } : {}),
    };
  }
  events.inbound.push(message);
}

function statusFrom(raw: unknown, events: CloudWebhookEvents): void {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return void events.dropped.push(`status: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { id, status, timestamp, recipient_id: recipientId, biz_opaque_callback_data: correlationId, errors } = parsed.data;
  const common = {
    messageId: id,
    timestamp: isoFromUnix(timestamp),
    ...(phoneOf(recipientId) ? { to: phoneOf(recipientId) } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
  if (status === "sent" || status === "delivered" || status === "read") events.receipts.push({ ...common, status });
  else if (status === "failed") {
    const error = errors?.[0];
    const errorTitle = error?.title ?? error?.message;
    events.failures.push({
      ...common,
      code: graphFailureOf(error?.code).code,
      ...(error ? { errorCode: error.code } : {}),
      ...(errorTitle ? { errorTitle } : {}),
    });
  } else events.dropped.push(`status ${id}: ${status} is not handled`);
}

const QUALITY_EVENTS: Record<string, "GREEN" | "RED"> = { FLAGGED: "RED", UNFLAGGED: "GREEN" };

function addLimits(events: CloudWebhookEvents, patch: Omit<LimitsEvent, "timestamp">, timestamp: string): void {
  events.limits = { ...events.limits, ...patch, timestamp };
}

/**
 * Reads one Cloud API webhook delivery (the parsed JSON body) into the transport's types. Pure:
 * the same payload always gives the same result, so inbound ids (wamid) and receipt ids
 * (wamid + status) are stable keys for de-duplicating repeated deliveries. Throws
 * CloudWebhookPayloadError only when the envelope is not a WhatsApp webhook; a bad entry inside is
 * skipped and listed in `dropped`. `receivedAt` dates updates that carry no time of their own.
 */
export function parseCloudWebhook(payload: unknown, options: { receivedAt?: Date } = {}): CloudWebhookEvents {
  const envelope = cloudWebhookEnvelopeSchema.safeParse(payload);
  if (!envelope.success) throw new CloudWebhookPayloadError(`not a WhatsApp Cloud API webhook: ${envelope.error.issues[0]?.message}`);
  const events: CloudWebhookEvents = {
    phoneNumberId: null,
    wabaId: null,
    displayPhoneNumber: null,
    inbound: [],
    receipts: [],
    failures: [],
    templateStatuses: [],
    dropped: [],
  };
  for (const entry of envelope.data.entry) {
    events.wabaId ??= entry.id;
    const entryTime = entry.time !== undefined ? isoFromUnix(entry.time) : (options.receivedAt ?? new Date()).toISOString();
    for (const change of entry.changes) {
      if (change.field === "messages") {
        const value = messagesValueSchema.safeParse(change.value);
        if (!value.success) {
          events.dropped.push(`messages change: ${value.error.issues[0]?.message ?? "invalid"}`);
          continue;
        }
        events.phoneNumberId ??= value.data.metadata.phone_number_id;
        events.displayPhoneNumber ??= value.data.metadata.display_phone_number ?? null;
        for (const message of value.data.messages ?? []) inboundFrom(message, value.data, events);
        for (const status of value.data.statuses ?? []) statusFrom(status, events);
      } else if (change.field === "phone_number_quality_update") {
        const value = qualityUpdateSchema.safeParse(change.value);
        if (!value.success) {
          events.dropped.push("phone_number_quality_update: invalid");
          continue;
        }
        events.displayPhoneNumber ??= value.data.display_phone_number ?? null;
        const tier = (messagingLimitTiers as readonly string[]).includes(value.data.current_limit ?? "")
          ? (value.data.current_limit as MessagingLimitTier)
          : undefined;
        const quality = QUALITY_EVENTS[value.data.event];
        addLimits(events, { ...(tier ? { messagingLimitTier: tier } : {}), ...(quality ? { qualityRating: quality } : {}) }, entryTime);
      } else if (change.field === "account_update") {
        const value = accountUpdateSchema.safeParse(change.value);
        if (!value.success || value.data.event !== "ACCOUNT_RESTRICTION") continue;
        // A restriction on business-initiated messages is the Cloud API's reach-out timelock; none listed = lifted.
        const restriction = value.data.restriction_info?.find((info) => info.restriction_type === "RESTRICTED_BIZ_INITIATED_MESSAGING");
        const until = restriction?.expiration !== undefined ? isoFromUnix(restriction.expiration) : null;
        addLimits(events, { reachoutTimelockUntil: until }, entryTime);
      } else if (change.field === "message_template_status_update") {
        const value = templateStatusUpdateSchema.safeParse(change.value);
        if (!value.success) {
          events.dropped.push("message_template_status_update: invalid");
          continue;
        }
        const { event, message_template_name: name, message_template_language: language, reason, message_template_id: id } = value.data;
        if (event === "FLAGGED") {
          events.dropped.push(`template ${name}: FLAGGED keeps its status`);
          continue;
        }
        events.templateStatuses.push({
          name,
          language,
          status: normalizeTemplateStatus(event),
          event,
          ...(reason && reason !== "NONE" ? { reason } : {}),
          ...(id !== undefined ? { templateId: String(id) } : {}),
          timestamp: entryTime,
        });
      } else events.dropped.push(`field ${change.field} is not handled`);
    }
  }
  return events;
}

/** De-duplication keys for the events of a webhook (the same delivery repeated gives the same keys). */
export const webhookEventKeys = {
  inbound: (message: Pick<InboundMessage, "id">) => `msg:${message.id}`,
  status: (update: { messageId: string; status: string }) => `status:${update.messageId}:${update.status}`,
  template: (update: Pick<CloudTemplateStatusUpdate, "name" | "language" | "status" | "timestamp">) =>
    `tpl:${update.name}:${update.language}:${update.status}:${update.timestamp}`,
};
