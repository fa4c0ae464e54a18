import { RecentIds } from "./bounded-map.js";
import { refusalStatusOf } from "./baileys/mapping.js";
import {
  countsAgainstSender,
  InvalidRecipientError,
  sendFailureCodeOf,
  TransportCapabilityError,
  TransportNotOpenError,
  TransportSendError,
} from "./errors.js";
import { IdempotentSends, mediaFingerprint, templateFingerprint, textFingerprint } from "./idempotent-sends.js";
import { ReceiptTracker } from "./receipt-tracker.js";
import { TransportEmitter } from "./typed-emitter.js";
import {
  e164Schema,
  inboundMessageSchema,
  limitsEventSchema,
  presenceStates,
  sendFailureSchema,
  outboundMediaSchema,
  receiptSchema,
  sendOptionsSchema,
  templateMessageSchema,
  type ConnectionEvent,
  type ConnectionState,
  type AccountLimits,
  type E164,
  type LimitsEvent,
  type OutboundMedia,
  type PresenceState,
  type ReceiptStatus,
  type SendFailureCode,
  type SendOptions,
  type SendResult,
  type TemplateMessage,
  type TransportCapabilities,
  type TransportEventName,
  type TransportListener,
  type WhatsAppTransport,
} from "./types.js";

/** What an adapter gets with each transmission, besides the content. */
export interface TransmitOptions {
  /** The id to send under, when the caller chose one (see SendOptions.messageId). */
  messageId?: string;
  /** SendOptions.correlationId. */
  correlationId?: string;
}

/** Details of a refusal in WhatsApp's acknowledgement / a failed status. */
export interface SendFailureDetails {
  statusCode?: number;
  code?: SendFailureCode;
  errorCode?: number;
  errorTitle?: string;
  to?: string;
  correlationId?: string;
  timestamp?: Date;
}

export interface BaseTransportOptions {
  /** How many idempotency keys to remember (default 5 000). */
  idempotencyCapacity?: number;
  /** How many inbound message ids to remember for de-duplication (default 10 000). */
  dedupeCapacity?: number;
  /** How many outbound messages to track receipts for (default 20 000). */
  receiptCapacity?: number;
  /** Clock for timestamps the adapter has to make up (default: now). */
  now?: () => Date;
  /** Where errors go when nobody listens to `error` (default console.error). */
  onUnhandledError?: (error: Error) => void;
}

/**
 * What every adapter shares: events, state, inbound validation + de-duplication, monotonic
 * receipts and idempotent sends. Adapters only implement the actual transmission.
 */
export abstract class BaseTransport implements WhatsAppTransport {
  protected readonly events: TransportEmitter;
  protected readonly now: () => Date;
  private readonly sends: IdempotentSends;
  private readonly inboundIds: RecentIds;
  protected readonly receipts: ReceiptTracker;
  private currentState: ConnectionState = "closed";

  protected constructor(options: BaseTransportOptions = {}) {
    this.events = new TransportEmitter(options.onUnhandledError);
    this.now = options.now ?? (() => new Date());
    this.sends = new IdempotentSends(options.idempotencyCapacity);
    this.inboundIds = new RecentIds(options.dedupeCapacity);
    this.receipts = new ReceiptTracker(options.receiptCapacity);
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  abstract readonly capabilities: TransportCapabilities;
  abstract connect(): Promise<void>;
  abstract disconnect(): Promise<void>;
  protected abstract transmitText(to: E164, text: string, options: TransmitOptions): Promise<string>;
  protected abstract transmitMedia(to: E164, media: OutboundMedia, options: TransmitOptions): Promise<string>;
  protected abstract transmitPresence(to: E164, state: PresenceState): Promise<void>;
  protected abstract transmitRead(from: E164, messageId: string): Promise<void>;
  protected abstract fetchLimits(): Promise<AccountLimits>;

  /** Adapters with `capabilities.templates` override this. */
  protected transmitTemplate(_to: E164, _template: TemplateMessage, _options: TransmitOptions): Promise<string> {
    return Promise.reject(new TransportCapabilityError("templates", this.constructor.name));
  }

  on<E extends TransportEventName>(event: E, listener: TransportListener<E>): () => void {
    return this.events.on(event, listener);
  }

  off<E extends TransportEventName>(event: E, listener: TransportListener<E>): void {
    this.events.off(event, listener);
  }

  async sendText(to: E164, text: string, options: SendOptions): Promise<SendResult> {
    const recipient = this.checkRecipient(to);
    const { idempotencyKey, ...transmitOptions } = sendOptionsSchema.parse(options);
    if (typeof text !== "string" || text.trim() === "") throw new TypeError("text must be a non-empty string");
    const messageId = await this.sends.run(idempotencyKey, textFingerprint(recipient, text), () =>
      this.transmit(recipient, () => this.transmitText(recipient, text, transmitOptions)),
    );
    return { messageId };
  }

  async sendMedia(to: E164, media: OutboundMedia, options: SendOptions): Promise<SendResult> {
    const recipient = this.checkRecipient(to);
    const { idempotencyKey, ...transmitOptions } = sendOptionsSchema.parse(options);
    const parsedMedia = outboundMediaSchema.parse(media);
    const messageId = await this.sends.run(idempotencyKey, mediaFingerprint(recipient, parsedMedia), () =>
      this.transmit(recipient, () => this.transmitMedia(recipient, parsedMedia, transmitOptions)),
    );
    return { messageId };
  }

  async sendTemplate(to: E164, template: TemplateMessage, options: SendOptions): Promise<SendResult> {
    if (!this.capabilities.templates) throw new TransportCapabilityError("templates", this.constructor.name);
    const recipient = this.checkRecipient(to);
    const { idempotencyKey, ...transmitOptions } = sendOptionsSchema.parse(options);
    const parsedTemplate = templateMessageSchema.parse(template);
    const messageId = await this.sends.run(idempotencyKey, templateFingerprint(recipient, parsedTemplate), () =>
      this.transmit(recipient, () => this.transmitTemplate(recipient, parsedTemplate, transmitOptions)),
    );
    return { messageId };
  }

  async markRead(from: E164, messageId: string): Promise<void> {
    const sender = this.checkRecipient(from);
    if (typeof messageId !== "string" || messageId === "") throw new TypeError("messageId must be a non-empty string");
    if (this.currentState !== "open") throw new TransportNotOpenError(this.currentState);
    try {
      await this.transmitRead(sender, messageId);
    } catch (cause) {
      this.events.emit("error", new Error(`could not mark ${messageId} as read: ${String(cause)}`, { cause }));
    }
  }

  async sendPresence(to: E164, state: PresenceState): Promise<void> {
    const recipient = this.checkRecipient(to);
    if (!presenceStates.includes(state)) throw new TypeError(`presence must be one of ${presenceStates.join(", ")}`);
    if (this.currentState !== "open") throw new TransportNotOpenError(this.currentState);
    await this.transmitPresence(recipient, state);
  }

  async accountLimits(): Promise<AccountLimits> {
    if (this.currentState !== "open") throw new TransportNotOpenError(this.currentState);
    return this.fetchLimits();
  }

  private checkRecipient(to: string): E164 {
    const parsed = e164Schema.safeParse(to);
    if (!parsed.success) throw new InvalidRecipientError(String(to));
    return parsed.data;
  }

  private async transmit(to: E164, send: () => Promise<string>): Promise<string> {
    if (this.currentState !== "open") throw new TransportNotOpenError(this.currentState);
    let messageId: string;
    try {
      messageId = await send();
    } catch (error) {
      // 463 / 401 / 403 count against the number: they leave as a typed error the gateway can count.
      const statusCode = refusalStatusOf(error);
      if (!(error instanceof TransportSendError) && countsAgainstSender(statusCode)) {
        throw new TransportSendError(statusCode!, `WhatsApp refused the message (${statusCode}): ${(error as Error).message}`, { cause: error });
      }
      throw error;
    }
    this.receipts.registerOutbound(messageId, to);
    return messageId;
  }

  protected setConnection(event: ConnectionEvent): void {
    this.currentState = event.state;
    this.events.emit("connection", event);
  }

  /**
   * The boundary for inbound messages: validates with zod, drops re-deliveries of an id already
   * seen from the same sender, emits `message`. Returns whether it was emitted.
   */
  protected acceptInbound(candidate: unknown): boolean {
    const parsed = inboundMessageSchema.safeParse(candidate);
    if (!parsed.success) {
      this.events.emit("error", new Error(`dropped an invalid inbound message: ${parsed.error.message}`));
      return false;
    }
    if (!this.inboundIds.firstSighting(`${parsed.data.from}|${parsed.data.id}`)) return false;
    this.events.emit("message", parsed.data);
    return true;
  }

  /** Emits `limits` (validated) for a change WhatsApp announced. */
  protected acceptLimits(limits: Omit<LimitsEvent, "timestamp">): void {
    const parsed = limitsEventSchema.safeParse({ ...limits, timestamp: this.now().toISOString() });
    if (parsed.success) this.events.emit("limits", parsed.data);
    else this.events.emit("error", new Error(`dropped invalid account limits: ${parsed.error.message}`));
  }

  /**
   * Emits `sendFailed` for a message WhatsApp refused after the send returned. A bare status code
   * (Baileys) or the details of a failed status (Cloud API: code, errorCode, errorTitle…).
   */
  protected acceptSendFailure(messageId: string, statusCodeOrDetails: number | undefined | SendFailureDetails): void {
    const details: SendFailureDetails =
      typeof statusCodeOrDetails === "object" ? statusCodeOrDetails : { statusCode: statusCodeOrDetails };
    const { statusCode, errorCode, errorTitle, correlationId, timestamp } = details;
    const to = details.to ?? this.receipts.recipientOf(messageId);
    const parsed = sendFailureSchema.safeParse({
      messageId,
      code: details.code ?? sendFailureCodeOf(statusCode),
      ...(statusCode !== undefined ? { statusCode } : {}),
      ...(errorCode !== undefined ? { errorCode } : {}),
      ...(errorTitle !== undefined ? { errorTitle } : {}),
      ...(correlationId ? { correlationId } : {}),
      ...(to ? { to } : {}),
      timestamp: (timestamp ?? this.now()).toISOString(),
    });
    if (parsed.success) this.events.emit("sendFailed", parsed.data);
    else this.events.emit("error", new Error(`dropped an invalid send failure: ${parsed.error.message}`));
  }

  /**
   * Emits `receipt` only when the status moves forward (sent → delivered → read). `extra.to` names
   * the recipient when this instance did not send the message itself (a Cloud API webhook says).
   */
  protected acceptReceipt(
    messageId: string,
    status: ReceiptStatus,
    timestamp: Date = this.now(),
    extra: { to?: string; correlationId?: string } = {},
  ): boolean {
    if (!this.receipts.advance(messageId, status)) return false;
    const to = this.receipts.recipientOf(messageId) ?? extra.to;
    const receipt = receiptSchema.parse({
      messageId,
      status,
      timestamp: timestamp.toISOString(),
      ...(to ? { to } : {}),
      ...(extra.correlationId ? { correlationId: extra.correlationId } : {}),
    });
    this.events.emit("receipt", receipt);
    return true;
  }
}
