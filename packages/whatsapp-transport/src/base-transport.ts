import { RecentIds } from "./bounded-map.js";
import { refusalStatusOf } from "./baileys/mapping.js";
import { countsAgainstSender, InvalidRecipientError, sendFailureCodeOf, TransportNotOpenError, TransportSendError } from "./errors.js";
import { IdempotentSends, mediaFingerprint, textFingerprint } from "./idempotent-sends.js";
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
  type ConnectionEvent,
  type ConnectionState,
  type AccountLimits,
  type E164,
  type LimitsEvent,
  type OutboundMedia,
  type PresenceState,
  type ReceiptStatus,
  type SendOptions,
  type SendResult,
  type TransportEventName,
  type TransportListener,
  type WhatsAppTransport,
} from "./types.js";

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

  abstract connect(): Promise<void>;
  abstract disconnect(): Promise<void>;
  /** `messageId`: the id to send under when the caller chose one (see SendOptions). */
  protected abstract transmitText(to: E164, text: string, messageId?: string): Promise<string>;
  protected abstract transmitMedia(to: E164, media: OutboundMedia, messageId?: string): Promise<string>;
  protected abstract transmitPresence(to: E164, state: PresenceState): Promise<void>;
  protected abstract fetchLimits(): Promise<AccountLimits>;

  on<E extends TransportEventName>(event: E, listener: TransportListener<E>): () => void {
    return this.events.on(event, listener);
  }

  off<E extends TransportEventName>(event: E, listener: TransportListener<E>): void {
    this.events.off(event, listener);
  }

  async sendText(to: E164, text: string, options: SendOptions): Promise<SendResult> {
    const recipient = this.checkRecipient(to);
    const { idempotencyKey, messageId: chosenId } = sendOptionsSchema.parse(options);
    if (typeof text !== "string" || text.trim() === "") throw new TypeError("text must be a non-empty string");
    const messageId = await this.sends.run(idempotencyKey, textFingerprint(recipient, text), () =>
      this.transmit(recipient, () => this.transmitText(recipient, text, chosenId)),
    );
    return { messageId };
  }

  async sendMedia(to: E164, media: OutboundMedia, options: SendOptions): Promise<SendResult> {
    const recipient = this.checkRecipient(to);
    const { idempotencyKey, messageId: chosenId } = sendOptionsSchema.parse(options);
    const parsedMedia = outboundMediaSchema.parse(media);
    const messageId = await this.sends.run(idempotencyKey, mediaFingerprint(recipient, parsedMedia), () =>
      this.transmit(recipient, () => this.transmitMedia(recipient, parsedMedia, chosenId)),
    );
    return { messageId };
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

  /** Emits `sendFailed` for a message WhatsApp refused after the send returned. */
  protected acceptSendFailure(messageId: string, statusCode: number | undefined): void {
    const to = this.receipts.recipientOf(messageId);
    const failure = sendFailureSchema.parse({
      messageId,
      code: sendFailureCodeOf(statusCode),
      ...(statusCode !== undefined ? { statusCode } : {}),
      ...(to ? { to } : {}),
      timestamp: this.now().toISOString(),
    });
    this.events.emit("sendFailed", failure);
  }

  /** Emits `receipt` only when the status moves forward (sent → delivered → read). */
  protected acceptReceipt(messageId: string, status: ReceiptStatus, timestamp: Date = this.now()): boolean {
    if (!this.receipts.advance(messageId, status)) return false;
    const to = this.receipts.recipientOf(messageId);
    const receipt = receiptSchema.parse({ messageId, status, timestamp: timestamp.toISOString(), ...(to ? { to } : {}) });
    this.events.emit("receipt", receipt);
    return true;
  }
}
