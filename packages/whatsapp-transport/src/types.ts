import { z } from "zod";

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
  timestamp: z.iso.datetime(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const alertKinds = ["connectionReplaced", "multideviceMismatch", "forbidden", "pairingRequired"] as const;
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
});
export type SendOptions = z.infer<typeof sendOptionsSchema>;

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
}

/** A change WhatsApp announced on its own: only the fields present are news. */
export const limitsEventSchema = z.object({
  reachoutTimelockUntil: z.iso.datetime().nullable().optional(),
  newChatMessageCap: z.number().int().nonnegative().nullable().optional(),
  newChatMessagesUsed: z.number().int().nonnegative().nullable().optional(),
  timestamp: z.iso.datetime(),
});
export type LimitsEvent = z.infer<typeof limitsEventSchema>;

/**
 * Why WhatsApp refused a message, for the numbers that count against a sender's health:
 * 463 account_restricted (reach-out restricted / timelocked), 401 unauthorized, 403 forbidden;
 * anything else is `rejected`.
 */
export const sendFailureCodes = ["account_restricted", "unauthorized", "forbidden", "rejected"] as const;
export type SendFailureCode = (typeof sendFailureCodes)[number];

/** WhatsApp refused a message after the send returned (an error in its server acknowledgement). */
export const sendFailureSchema = z.object({
  messageId: z.string().min(1),
  to: e164Schema.optional(),
  code: z.enum(sendFailureCodes),
  statusCode: z.number().int().optional(),
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
  /** Resolves once the connection is open; rejects when the transport stops for good first. */
  connect(): Promise<void>;
  /** Closes the connection on purpose; no reconnect follows. */
  disconnect(): Promise<void>;
  sendText(to: E164, text: string, options: SendOptions): Promise<SendResult>;
  sendMedia(to: E164, media: OutboundMedia, options: SendOptions): Promise<SendResult>;
  /** Shows or clears "typing…" in the chat with `to` (before a message, so it reads like a person). */
  sendPresence(to: E164, state: PresenceState): Promise<void>;
  /** Asks WhatsApp for this number's current limits (reach-out timelock, new-chat cap). */
  accountLimits(): Promise<AccountLimits>;
  /** Subscribes; returns the unsubscribe function. */
  on<E extends TransportEventName>(event: E, listener: TransportListener<E>): () => void;
  off<E extends TransportEventName>(event: E, listener: TransportListener<E>): void;
}
