import { randomBytes } from "node:crypto";
import { BaseTransport, type BaseTransportOptions, type TransmitOptions } from "../base-transport.js";
import { InvalidRecipientError, TransportSendError, TransportStoppedError } from "../errors.js";
import { toE164 } from "../phone.js";
import { decideReconnect } from "../reconnect.js";
import type { AccountLimits, E164, InboundMedia, InboundMessage, OutboundMedia, PresenceState } from "../types.js";
import type { ReceiptStatus, TemplateMessage, TransportCapabilities } from "../types.js";
import { renderTemplate, type SimulatedTemplate } from "./templates.js";

export interface SimulatorOptions extends BaseTransportOptions {
  /** When true, connect() shows a pairing code and waits for simulatePairing(). */
  requirePairing?: boolean;
  /** Makes outbound message ids (default: random ids shaped like WhatsApp's). */
  newMessageId?: () => string;
  /**
   * Called synchronously with every message as it "reaches WhatsApp", before the send returns: a
   * wire log that outlives the process (the in-memory record does not), for crash tests.
   */
  onTransmit?: (message: SimulatedOutbound) => void;
}

export interface SimulatedOutbound {
  messageId: string;
  to: E164;
  text: string;
  media?: Omit<OutboundMedia, "data"> & { sizeBytes?: number };
  /** Set for sendTemplate(): `text` is the template rendered with its parameters. */
  template?: TemplateMessage;
  correlationId?: string;
  status: ReceiptStatus | "pending";
  sentAt: string;
}

export interface SimulatedPresence {
  to: E164;
  state: PresenceState;
  at: string;
}

export interface SimulatedReadMark {
  from: E164;
  messageId: string;
  at: string;
}

export type TranscriptEntry =
  | { direction: "in"; message: InboundMessage }
  | { direction: "out"; message: SimulatedOutbound };

export interface SimulateInboundOptions {
  /** Re-use an id to simulate WhatsApp re-delivering the same message. */
  id?: string;
  media?: InboundMedia;
  pushName?: string;
  timestamp?: Date;
}

const NEXT_STATUS: Record<ReceiptStatus | "pending", ReceiptStatus | null> = {
  pending: "sent",
  sent: "delivered",
  delivered: "read",
  read: null,
};

function whatsappLikeId(): string {
  return `SIM${randomBytes(8).toString("hex").toUpperCase()}`;
}

/**
 * An in-memory WhatsApp for the console's simulator page, dev, demos and tests: staff "act as" any
 * customer phone, every outbound message is recorded, and receipts move on demand.
 */
export class SimulatorTransport extends BaseTransport {
  private readonly outbound: SimulatedOutbound[] = [];
  private readonly transcript: TranscriptEntry[] = [];
  private readonly requirePairing: boolean;
  private readonly newMessageId: () => string;
  private readonly onTransmit: ((message: SimulatedOutbound) => void) | undefined;
  private paired: boolean;
  private pendingConnect: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private inboundCounter = 0;
  private readonly presences: SimulatedPresence[] = [];
  private limits: AccountLimits = { reachoutTimelockUntil: null, newChatMessageCap: null, newChatMessagesUsed: null };
  private readonly sendFailures: number[] = [];
  private readonly readMarks: SimulatedReadMark[] = [];
  private readonly templates = new Map<string, SimulatedTemplate>();
  /** Templates are rendered as text so the simulator can stand in for any session; no service window. */
  readonly capabilities: TransportCapabilities = { templates: true, serviceWindow: false, callerMessageIds: true };

  constructor(options: SimulatorOptions = {}) {
    super(options);
    this.requirePairing = options.requirePairing ?? false;
    this.paired = !this.requirePairing;
    this.newMessageId = options.newMessageId ?? whatsappLikeId;
    this.onTransmit = options.onTransmit;
  }

  async connect(): Promise<void> {
    if (this.state === "open") return;
    this.setConnection({ state: "connecting" });
    if (this.paired) {
      this.setConnection({ state: "open" });
      return;
    }
    const code = `SIM-PAIR-${randomBytes(6).toString("hex")}`;
    await new Promise<void>((resolve, reject) => {
      this.pendingConnect = { resolve, reject };
      this.events.emit("qr", code);
    });
  }

  /** Staff "scanned" the pairing code: the pending connect() opens. */
  simulatePairing(): void {
    this.paired = true;
    if (this.state !== "connecting") return;
    this.setConnection({ state: "open" });
    this.pendingConnect?.resolve();
    this.pendingConnect = null;
  }

  async disconnect(): Promise<void> {
    this.pendingConnect?.reject(new TransportStoppedError("requested", "disconnected before the connection opened"));
    this.pendingConnect = null;
    if (this.state === "closed") return;
    this.setConnection({ state: "closed", reason: "requested", action: "none" });
  }

  /**
   * Closes as if WhatsApp had dropped the connection for `reason` (a Baileys DisconnectReason
   * name), applying the reconnect policy's verdict. A "reconnect" verdict reconnects at once: the
   * simulator has nothing to wait for.
   */
  async simulateDisconnect(reason: string): Promise<void> {
    const decision = decideReconnect(reason, 0, { random: () => 0 });
    this.setConnection({
      state: "closed",
      reason: decision.reason,
      action: decision.action,
      ...(decision.action === "reconnect" ? { retryInMs: decision.delayMs } : {}),
    });
    if (decision.action === "reconnect") return this.connect();
    if (decision.action === "repair") this.paired = false;
    this.events.emit("alert", {
      kind: decision.alert,
      message: `simulated disconnect: ${decision.reason}`,
      timestamp: this.now().toISOString(),
    });
  }

  /**
   * A customer writes in. `from` may be typed the way staff type phones (012-345 6789).
   * Returns the message emitted, or null when it was a re-delivery of an id already seen.
   */
  simulateInbound(from: string, text: string, options: SimulateInboundOptions = {}): InboundMessage | null {
    const phone = toE164(from);
    if (!phone) throw new InvalidRecipientError(from);
    this.inboundCounter += 1;
    const message: InboundMessage = {
      id: options.id ?? `SIMIN${this.inboundCounter.toString().padStart(6, "0")}${randomBytes(3).toString("hex").toUpperCase()}`,
      from: phone,
      text,
      ...(options.media ? { media: options.media } : {}),
      ...(options.pushName ? { pushName: options.pushName } : {}),
      timestamp: (options.timestamp ?? this.now()).toISOString(),
    };
    if (!this.acceptInbound(message)) return null;
    this.transcript.push({ direction: "in", message });
    return message;
  }

  /** Moves an outbound message's receipt to `status` (ignored when that would go backwards). */
  simulateReceipt(messageId: string, status: ReceiptStatus): boolean {
    const record = this.findOutbound(messageId);
    const moved = this.acceptReceipt(messageId, status);
    if (moved) record.status = status;
    return moved;
  }

  /** Moves an outbound message one step: pending → sent → delivered → read. */
  advanceReceipt(messageId: string): ReceiptStatus | null {
    const record = this.findOutbound(messageId);
    const next = NEXT_STATUS[record.status];
    if (next) this.simulateReceipt(messageId, next);
    return next;
  }

  /**
   * WhatsApp changes this number's limits (a timelock set or lifted, a new-chat cap): announced as a
   * `limits` event and answered by accountLimits(). While a timelock runs, sends are refused with 463.
   */
  simulateLimits(limits: Partial<AccountLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.acceptLimits(limits);
  }

  /** The next send is refused by WhatsApp with this status code (463, 401, 403…), nothing is sent. */
  simulateSendFailure(statusCode: number): void {
    this.sendFailures.push(statusCode);
  }

  /** WhatsApp refuses a message after accepting it (an error in its acknowledgement). */
  simulateFailedAck(messageId: string, statusCode: number): void {
    this.findOutbound(messageId);
    this.acceptSendFailure(messageId, statusCode);
  }

  /**
   * Makes a template known by its body text ("Hai {{1}}, phone anda siap"): sends render it, and a
   * parameter count that does not match is refused as template_rejected like WhatsApp does. Unknown
   * templates are sent rendered as "name: param, param".
   */
  registerTemplate(name: string, language: string, bodyText: string): void {
    this.templates.set(`${name}|${language}`, { name, language, bodyText });
  }

  /** Every message marked as read, oldest first. */
  readMarksSent(): readonly SimulatedReadMark[] {
    return this.readMarks;
  }

  /** Every typing presence sent, oldest first. */
  presenceUpdates(): readonly SimulatedPresence[] {
    return this.presences;
  }

  /** Every message the transport really sent, oldest first. */
  sentMessages(): readonly SimulatedOutbound[] {
    return this.outbound;
  }

  /** The conversation with one phone, both directions, oldest first. */
  conversationWith(phone: string): TranscriptEntry[] {
    const e164 = toE164(phone);
    return this.transcript.filter((entry) =>
      entry.direction === "in" ? entry.message.from === e164 : entry.message.to === e164,
    );
  }

  protected async transmitText(to: E164, text: string, options: TransmitOptions): Promise<string> {
    return this.record({ to, text }, options);
  }

  protected override async transmitTemplate(to: E164, template: TemplateMessage, options: TransmitOptions): Promise<string> {
    const text = renderTemplate(template, this.templates.get(`${template.name}|${template.language}`));
    return this.record({ to, text, template }, options);
  }

  protected async transmitRead(from: E164, messageId: string): Promise<void> {
    this.readMarks.push({ from, messageId, at: this.now().toISOString() });
  }

  protected async transmitMedia(to: E164, media: OutboundMedia, options: TransmitOptions): Promise<string> {
    const { data, ...described } = media;
    return this.record(
      {
        to,
        text: media.caption ?? "",
        media: { ...described, ...(data ? { sizeBytes: data.byteLength } : {}) },
      },
      options,
    );
  }

  protected async transmitPresence(to: E164, state: PresenceState): Promise<void> {
    this.presences.push({ to, state, at: this.now().toISOString() });
  }

  protected async fetchLimits(): Promise<AccountLimits> {
    return { ...this.limits, reachoutTimelockUntil: this.activeTimelock() };
  }

  private activeTimelock(): string | null {
    const until = this.limits.reachoutTimelockUntil;
    return until && Date.parse(until) > this.now().getTime() ? until : null;
  }

  private record(message: Pick<SimulatedOutbound, "to" | "text" | "media" | "template">, options: TransmitOptions): string {
    const refusal = this.sendFailures.shift() ?? (this.activeTimelock() ? 463 : undefined);
    if (refusal !== undefined) throw new TransportSendError(refusal);
    const entry: SimulatedOutbound = {
      ...message,
      ...(options.correlationId ? { correlationId: options.correlationId } : {}),
      messageId: options.messageId ?? this.newMessageId(),
      status: "pending",
      sentAt: this.now().toISOString(),
    };
    this.onTransmit?.(entry);
    this.outbound.push(entry);
    this.transcript.push({ direction: "out", message: entry });
    return entry.messageId;
  }

  private findOutbound(messageId: string): SimulatedOutbound {
    const record = this.outbound.find((entry) => entry.messageId === messageId);
    if (!record) throw new Error(`the simulator never sent a message with id ${messageId}`);
    return record;
  }
}
