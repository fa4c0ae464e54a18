import { z } from "zod";
import { messagingLimitTiers, qualityRatings, type MessagingLimitTier, type QualityRating, type TemplateMessage } from "./cloud-types.js";

export * from "./cloud-types.js";

/** A phone number in E.164 form (+60123456789): the only address format the transport speaks. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone number like +60123456789");
export type E164 = z.infer<typeof e164Schema>;

export const connectionStates = ["connecting", "open", "closed"] as const;
export type ConnectionState = (typeof connectionStates)[number];

/** Why a connection closed: a Baileys DisconnectReason name, our own `requested`, or `unknown`. */
export const closeReasons = [
  "restartRequired",
  "connectionLost",
  "timedOut",
  "connectionClosed",
  "unavailableService",
  "connectionReplaced",
  "loggedOut",
  "badSession",
  "multideviceMismatch",
  "forbidden",
  /** Cloud API: Meta refused the access token (Graph error 190). */
  "accessTokenRejected",
  /** Cloud API: the phone number id is unknown or not reachable with this token (Graph error 100 / 803). */
  "phoneNumberNotFound",
  "requested",
  "unknown",
] as const;
export type CloseReason = (typeof closeReasons)[number];

/** What the transport does after a close: reconnect, stop for good, or wait for a new pairing. */
export const closeActions = ["reconnect", "stop", "repair", "none"] as const;
export type CloseAction = (typeof closeActions)[number];

export const connectionEventSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("connecting") }),
  z.object({ state: z.literal("open") }),
  z.object({
    state: z.literal("closed"),
    reason: z.enum(closeReasons),
    action: z.enum(closeActions),
    /** Set when action is "reconnect": the delay before the next attempt. */
    retryInMs: z.number().int().nonnegative().optional(),
    statusCode: z.number().int().optional(),
    message: z.string().optional(),
  }),
]);
export type ConnectionEvent = z.infer<typeof connectionEventSchema>;

export const mediaKinds = ["image", "video", "audio", "document", "sticker"] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** Media attached to an inbound message. The bytes stay with the adapter; this describes them. */
export const inboundMediaSchema = z.object({
  kind: z.enum(mediaKinds),
  mimeType: z.string().min(1).optional(),
  fileName: z.string().min(1).optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  /** Cloud API: the media id to download the bytes with (they are not in the webhook). */
  mediaId: z.string().min(1).optional(),
});
export type InboundMedia = z.infer<typeof inboundMediaSchema>;

export const inboundMessageSchema = z.object({
  /** The WhatsApp message id (unique per sender). */
  id: z.string().min(1),
  from: e164Schema,
  /** Message text, or the media caption; "" for media without a caption. */
  text: z.string(),
  media: inboundMediaSchema.optional(),
  /** The sender's WhatsApp display name, when WhatsApp gives it. */
  pushName: z.string().min(1).optional(),
  /** A tapped button or list row (Cloud API interactive / template quick reply); `text` is its title. */
  reply: z.object({ id: z.string().min(1), title: z.string() }).optional(),
  /** UTC, ISO 8601. */
  timestamp: z.iso.datetime(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const receiptStatuses = ["sent", "delivered", "read"] as const;
export type ReceiptStatus = (typeof receiptStatuses)[number];

export const receiptSchema = z.object({
  messageId: z.string().min(1),
  status: z.enum(receiptStatuses),
  /** The customer the message went to, when the adapter knows it. */
  to: e164Schema.optional(),
  /** Cloud API: the `biz_opaque_callback_data` the message was sent with (SendOptions.correlationId). */
  correlationId: z.string().min(1).optional(),
  timestamp: z.iso.datetime(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const alertKinds = [
  "connectionReplaced",
  "multideviceMismatch",
  "forbidden",
  "pairingRequired",
  "accessTokenRejected",
  "phoneNumberNotFound",
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** Something a human must look at: the transport has stopped and will not retry by itself. */
export const transportAlertSchema = z.object({
  kind: z.enum(alertKinds),
  message: z.string().min(1),
  timestamp: z.iso.datetime(),
});
export type TransportAlert = z.infer<typeof transportAlertSchema>;

/** A pairing code (the QR payload) to show to staff; a fresh one replaces the last. */
export const qrCodeSchema = z.string().min(1);

const outboundMediaBase = z.object({
  kind: z.enum(["image", "video", "audio", "document"]),
  mimeType: z.string().min(1).optional(),
  caption: z.string().optional(),
  fileName: z.string().min(1).optional(),
});

export const outboundMediaSchema = z.union([
  outboundMediaBase.extend({ data: z.instanceof(Uint8Array), url: z.undefined().optional() }),
  outboundMediaBase.extend({ url: z.url(), data: z.undefined().optional() }),
]);
/** Media to send: bytes or a URL the adapter fetches, never both. */
export type OutboundMedia = z.infer<typeof outboundMediaSchema>;

export const sendOptionsSchema = z.object({
  /**
   * A retried send with the same key returns the first message id without sending again
   * (e.g. `${workflowId}:${activityName}` from a Temporal activity).
   */
  idempotencyKey: z.string().min(1).max(200),
  /**
   * The WhatsApp message id to send under (Baileys `messageId`), chosen by the caller before the
   * send so that a resend after a crash carries the same id and its receipts match the stored row.
   */
  messageId: z.string().regex(/^[0-9A-Za-z]{8,64}$/, "a WhatsApp message id is 8-64 letters and digits").optional(),
  /**
   * The caller's own reference for the message (the gateway passes the `whatsapp_message.id`). The
   * Cloud API sends it as `biz_opaque_callback_data` and every status webhook carries it back, so a
   * status can be matched even when the send's answer (the wamid) was lost. Others ignore it.
   */
  correlationId: z.string().min(1).max(512).optional(),
});
export type SendOptions = z.infer<typeof sendOptionsSchema>;

/** What an adapter can do, so callers (and the contract suite) branch on facts, not on adapter names. */
export interface TransportCapabilities {
  /** sendTemplate() works (Cloud API for real; the simulator renders the template as text). */
  templates: boolean;
  /** WhatsApp enforces the 24-hour customer-service window: free text only after the customer wrote. */
  serviceWindow: boolean;
  /** SendOptions.messageId is honoured (the caller picks the id); false: WhatsApp picks it. */
  callerMessageIds: boolean;
}

export interface SendResult {
  messageId: string;
}

/** Typing presence in a chat: "composing" shows "typing…", "paused" clears it. */
export const presenceStates = ["composing", "paused"] as const;
export type PresenceState = (typeof presenceStates)[number];

/** WhatsApp's limits on this number, as last read. */
export interface AccountLimits {
  /** When WhatsApp's reach-out timelock (no new chats) ends, ISO 8601 UTC; null when none is active. */
  reachoutTimelockUntil: string | null;
  /** New chats WhatsApp allows in the current cycle (its new-chat message cap); null when it sets none or did not say. */
  newChatMessageCap: number | null;
  /** New chats already started in the cycle, when WhatsApp said. */
  newChatMessagesUsed?: number | null;
  /** Cloud API: the messaging limit tier (unique users per rolling 24 h), e.g. TIER_1K. */
  messagingLimitTier?: MessagingLimitTier | null;
  /** Cloud API: the number's quality rating. */
  qualityRating?: QualityRating | null;
}

/** A change WhatsApp announced on its own: only the fields present are news. */
export const limitsEventSchema = z.object({
  reachoutTimelockUntil: z.iso.datetime().nullable().optional(),
  newChatMessageCap: z.number().int().nonnegative().nullable().optional(),
  newChatMessagesUsed: z.number().int().nonnegative().nullable().optional(),
  messagingLimitTier: z.enum(messagingLimitTiers).nullable().optional(),
  qualityRating: z.enum(qualityRatings).nullable().optional(),
  timestamp: z.iso.datetime(),
});
export type LimitsEvent = z.infer<typeof limitsEventSchema>;

/**
 * Why WhatsApp refused a message. Baileys: 463 account_restricted (reach-out restricted /
 * timelocked), 401 unauthorized, 403 forbidden, anything else `rejected`. Cloud API (Graph error
 * codes, see mapGraphError): outside_window (131047), pair_rate_limited (131056),
 * throughput_limited (130429 / 80007), template_rejected (132xxx), recipient_unavailable (131026),
 * unauthorized (190), account_restricted (131031 / 368).
 */
export const sendFailureCodes = [
  "account_restricted",
  "unauthorized",
  "forbidden",
  "rejected",
  "outside_window",
  "pair_rate_limited",
  "throughput_limited",
  "template_rejected",
  "recipient_unavailable",
] as const;
export type SendFailureCode = (typeof sendFailureCodes)[number];

/** WhatsApp refused a message after the send returned (an error in its server acknowledgement). */
export const sendFailureSchema = z.object({
  messageId: z.string().min(1),
  to: e164Schema.optional(),
  code: z.enum(sendFailureCodes),
  statusCode: z.number().int().optional(),
  /** Cloud API: WhatsApp's error code (e.g. 131047) and title, as it gave them. */
  errorCode: z.number().int().optional(),
  errorTitle: z.string().optional(),
  correlationId: z.string().min(1).optional(),
  timestamp: z.iso.datetime(),
});
export type SendFailure = z.infer<typeof sendFailureSchema>;

export interface TransportEventMap {
  qr: string;
  /** WhatsApp changed this number's limits (a timelock set or lifted, a new-chat cap update). */
  limits: LimitsEvent;
  /** A message WhatsApp refused after accepting the send. */
  sendFailed: SendFailure;
  connection: ConnectionEvent;
  message: InboundMessage;
  receipt: Receipt;
  alert: TransportAlert;
  /** Non-fatal problems: an inbound event that failed validation, a listener that threw. */
  error: Error;
}
export type TransportEventName = keyof TransportEventMap;
export type TransportListener<E extends TransportEventName> = (payload: TransportEventMap[E]) => void;

/** The one interface the gateway and the workflows use, whatever carries the messages. */
export interface WhatsAppTransport {
  readonly state: ConnectionState;
  readonly capabilities: TransportCapabilities;
  /** Resolves once the connection is open; rejects when the transport stops for good first. */
  connect(): Promise<void>;
  /** Closes the connection on purpose; no reconnect follows. */
  disconnect(): Promise<void>;
  sendText(to: E164, text: string, options: SendOptions): Promise<SendResult>;
  sendMedia(to: E164, media: OutboundMedia, options: SendOptions): Promise<SendResult>;
  /**
   * Sends an approved template (the only thing the Cloud API lets through outside the 24-hour
   * window). Adapters without `capabilities.templates` reject with TransportCapabilityError.
   */
  sendTemplate(to: E164, template: TemplateMessage, options: SendOptions): Promise<SendResult>;
  /**
   * Marks the customer's message `messageId` as read (blue ticks). Best effort: a refusal by
   * WhatsApp is reported as an `error` event, not thrown; only "not open" / a bad phone throw.
   */
  markRead(from: E164, messageId: string): Promise<void>;
  /** Shows or clears "typing…" in the chat with `to` (before a message, so it reads like a person). */
  sendPresence(to: E164, state: PresenceState): Promise<void>;
  /** Asks WhatsApp for this number's current limits (reach-out timelock, new-chat cap). */
  accountLimits(): Promise<AccountLimits>;
  /** Subscribes; returns the unsubscribe function. */
  on<E extends TransportEventName>(event: E, listener: TransportListener<E>): () => void;
  off<E extends TransportEventName>(event: E, listener: TransportListener<E>): void;
}
