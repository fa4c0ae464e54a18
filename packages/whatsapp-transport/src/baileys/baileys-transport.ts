import type { AuthStateStore } from "../auth-state/auth-state-store.js";
import { BaseTransport, type BaseTransportOptions, type TransmitOptions } from "../base-transport.js";
import { TransportNotOpenError, TransportStoppedError } from "../errors.js";
import { e164ToJid } from "../phone.js";
import { decideReconnect, type BackoffOptions } from "../reconnect.js";
import type { AccountLimits, E164, OutboundMedia, PresenceState, TransportCapabilities } from "../types.js";
import {
  WAMessageStatus,
  type BaileysConnectionUpdate,
  type BaileysNewChatMessageCap,
  type BaileysReachoutTimelock,
  type BaileysEventMapSubset,
  type BaileysOutboundContent,
  type BaileysSocketFactory,
  type BaileysSocketLike,
} from "./baileys-types.js";
import { inboundFromBaileys, receiptStatusOf, statusCodeOf } from "./mapping.js";
import { SessionAuth } from "./session-auth.js";

export interface BaileysTransportOptions extends BaseTransportOptions {
  socketFactory: BaileysSocketFactory;
  authStore: AuthStateStore;
  /** Baileys' initAuthCreds. */
  initAuthCreds: () => Record<string, unknown>;
  /** See SessionAuthOptions.reviveKey. */
  reviveKey?: (type: string, value: unknown) => unknown;
  /** Reconnect backoff (base 1 s, cap 60 s, Math.random by default). */
  backoff?: BackoffOptions;
  /** Runs `run` after `delayMs`; returns a cancel function (default setTimeout). */
  schedule?: (run: () => void, delayMs: number) => () => void;
}

type Waiter = { resolve: () => void; reject: (error: Error) => void };

function defaultSchedule(run: () => void, delayMs: number): () => void {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
}

/** An active timelock without an end time is read as lasting this long (the supervisor reads the limits again before). */
const OPEN_ENDED_TIMELOCK_MS = 60 * 60_000;

/** The end of an active reach-out timelock (ISO), or null when none is active. */
export function timelockUntil(state: BaileysReachoutTimelock | undefined, now: Date): string | null {
  if (!state?.isActive) return null;
  const ends = state.timeEnforcementEnds ? new Date(state.timeEnforcementEnds) : null;
  if (ends && !Number.isNaN(ends.getTime())) return ends.getTime() > now.getTime() ? ends.toISOString() : null;
  return new Date(now.getTime() + OPEN_ENDED_TIMELOCK_MS).toISOString();
}

/** A quota count; WhatsApp's pushed updates may carry it as text. */
function quota(value: unknown): number | null {
  const count = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof count === "number" && Number.isSafeInteger(count) && count >= 0 ? count : null;
}

/** WhatsApp's new-chat cap info as limits: the cycle's quota and what is used of it. */
export function newChatCapLimits(info: BaileysNewChatMessageCap | undefined): Pick<AccountLimits, "newChatMessageCap" | "newChatMessagesUsed"> {
  return { newChatMessageCap: quota(info?.total_quota), newChatMessagesUsed: quota(info?.used_quota) };
}

function mediaContent(media: OutboundMedia): BaileysOutboundContent {
  const upload = media.data ? Buffer.from(media.data) : { url: media.url as string };
  const mimetype = media.mimeType ? { mimetype: media.mimeType } : {};
  const caption = media.caption ? { caption: media.caption } : {};
  switch (media.kind) {
    case "image":
      return { image: upload, ...caption, ...mimetype };
    case "video":
      return { video: upload, ...caption, ...mimetype };
    case "audio":
      return { audio: upload, ...mimetype };
    case "document":
      return {
        document: upload,
        mimetype: media.mimeType ?? "application/octet-stream",
        ...(media.fileName ? { fileName: media.fileName } : {}),
        ...caption,
      };
  }
}

/** The error code of a failed server ack ("463" in messageStubParameters[0]). */
function errorCodeOf(parameters: string[] | null | undefined): number | undefined {
  const code = Number(parameters?.[0]);
  return Number.isInteger(code) && code > 0 ? code : undefined;
}

/** WhatsApp over a Baileys socket, with the reconnect policy, a stored session and de-duplication. */
export class BaileysTransport extends BaseTransport {
  private readonly auth: SessionAuth;
  private readonly schedule: (run: () => void, delayMs: number) => () => void;
  private socket: BaileysSocketLike | null = null;
  private detachSocket: (() => void) | null = null;
  private cancelRetry: (() => void) | null = null;
  private waiters: Waiter[] = [];
  private attempt = 0;
  private closingOnPurpose = false;
  /** True from connect() until the transport stops (on purpose, or by the reconnect policy). */
  private running = false;
  /** WhatsApp Web: no templates, no service window, and the caller may choose message ids. */
  readonly capabilities: TransportCapabilities = { templates: false, serviceWindow: false, callerMessageIds: true };

  constructor(private readonly options: BaileysTransportOptions) {
    super(options);
    this.schedule = options.schedule ?? defaultSchedule;
    this.auth = new SessionAuth({
      store: options.authStore,
      initAuthCreds: options.initAuthCreds,
      ...(options.reviveKey ? { reviveKey: options.reviveKey } : {}),
      onError: (error) => this.events.emit("error", error),
    });
  }

  /** The WhatsApp account this device is paired with (its JID), once open. */
  get user(): { id: string; name?: string } | undefined {
    return this.socket?.user ?? undefined;
  }

  connect(): Promise<void> {
    if (this.state === "open") return Promise.resolve();
    const opened = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.running) {
      this.running = true;
      this.closingOnPurpose = false;
      this.attempt = 0;
      void this.startSocket();
    }
    return opened;
  }

  async disconnect(): Promise<void> {
    this.closingOnPurpose = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.socket?.end(undefined);
    // A socket that is already dead emits nothing: close here too.
    if (this.socket || this.state !== "closed") this.handleClose(undefined, "disconnect requested");
    this.running = false;
    this.rejectWaiters(new TransportStoppedError("requested", "disconnected on purpose"));
    await this.auth.settled();
  }

  /** Unlinks this device from the shop's WhatsApp and forgets the session. */
  async logout(): Promise<void> {
    const socket = this.socket;
    this.closingOnPurpose = true;
    if (socket) await socket.logout("logged out by staff").catch(() => undefined);
    await this.disconnect();
    await this.auth.clear();
  }

  protected async transmitText(to: E164, text: string, options: TransmitOptions): Promise<string> {
    return this.send(to, { text }, options.messageId);
  }

  protected async transmitMedia(to: E164, media: OutboundMedia, options: TransmitOptions): Promise<string> {
    return this.send(to, mediaContent(media), options.messageId);
  }

  protected async transmitRead(from: E164, messageId: string): Promise<void> {
    const socket = this.socket;
    if (!socket) throw new TransportNotOpenError("closed");
    await socket.readMessages([{ remoteJid: e164ToJid(from), id: messageId, fromMe: false }]);
  }

  protected async transmitPresence(to: E164, state: PresenceState): Promise<void> {
    const socket = this.socket;
    if (!socket) throw new TransportNotOpenError("closed");
    await socket.sendPresenceUpdate(state, e164ToJid(to));
  }

  /** Both queries at once; a failed cap query reads as "no cap known", a failed timelock query fails the call. */
  protected async fetchLimits(): Promise<AccountLimits> {
    const socket = this.socket;
    if (!socket) throw new TransportNotOpenError("closed");
    const [timelock, cap] = await Promise.allSettled([socket.fetchAccountReachoutTimelock(), socket.fetchNewChatMessageCap()]);
    if (timelock.status === "rejected") throw timelock.reason instanceof Error ? timelock.reason : new Error(String(timelock.reason));
    return {
      reachoutTimelockUntil: timelockUntil(timelock.value, this.now()),
      ...newChatCapLimits(cap.status === "fulfilled" ? cap.value : undefined),
    };
  }

  private async send(to: E164, content: BaileysOutboundContent, messageId?: string): Promise<string> {
    const socket = this.socket;
    if (!socket) throw new TransportNotOpenError("closed");
    const sent = await socket.sendMessage(e164ToJid(to), content, messageId ? { messageId } : undefined);
    const sentId = sent?.key?.id;
    if (!sentId) throw new Error("Baileys sendMessage returned no message id");
    return sentId;
  }

  private async startSocket(): Promise<void> {
    this.cancelRetry = null;
    let auth;
    try {
      auth = await this.auth.load();
    } catch (cause) {
      // A session that cannot be read (wrong key, corrupt row) will not fix itself by retrying.
      const error = new Error(`could not load the WhatsApp session: ${String(cause)}`, { cause });
      this.events.emit("error", error);
      this.running = false;
      this.rejectWaiters(error);
      return;
    }
    if (this.closingOnPurpose) return;
    this.setConnection({ state: "connecting" });
    try {
      const socket = this.options.socketFactory({ auth });
      this.socket = socket;
      this.detachSocket = socket.ev.process((events) => this.handleEvents(socket, events));
    } catch (cause) {
      this.events.emit("error", new Error(`creating the WhatsApp socket failed: ${String(cause)}`, { cause }));
      this.handleClose(undefined, "socket factory failed");
    }
  }

  private handleEvents(socket: BaileysSocketLike, events: Partial<BaileysEventMapSubset>): void {
    if (socket !== this.socket) return; // a batch from a socket we already left behind
    try {
      if (events["creds.update"]) void this.auth.updateCreds(events["creds.update"]);
      if (events["messages.upsert"]?.type === "notify") {
        for (const message of events["messages.upsert"].messages) {
          const mapped = inboundFromBaileys(message, this.now());
          if (mapped.kind === "message") this.acceptInbound(mapped.candidate);
          else if (mapped.kind === "invalid") this.events.emit("error", new Error(`dropped inbound message: ${mapped.why}`));
        }
      }
      for (const { key, update } of events["messages.update"] ?? []) {
        if (!key.fromMe || !key.id) continue;
        const status = receiptStatusOf(update.status);
        if (status) this.acceptReceipt(key.id, status);
        else if (update.status === WAMessageStatus.ERROR) this.acceptSendFailure(key.id, errorCodeOf(update.messageStubParameters));
      }
      if (events["message-capping.update"]) this.acceptLimits(newChatCapLimits(events["message-capping.update"]));
      if (events["connection.update"]) this.handleConnectionUpdate(events["connection.update"]);
    } catch (cause) {
      this.events.emit("error", cause instanceof Error ? cause : new Error(String(cause)));
    }
  }

  private handleConnectionUpdate(update: Partial<BaileysConnectionUpdate>): void {
    if (update.qr) this.events.emit("qr", update.qr);
    if (update.reachoutTimeLock) this.acceptLimits({ reachoutTimelockUntil: timelockUntil(update.reachoutTimeLock, this.now()) });
    if (update.connection === "open") {
      this.attempt = 0;
      this.setConnection({ state: "open" });
      for (const waiter of this.waiters.splice(0)) waiter.resolve();
    } else if (update.connection === "close") {
      const error = update.lastDisconnect?.error;
      this.handleClose(statusCodeOf(error), error?.message);
    }
  }

  private handleClose(statusCode: number | undefined, message: string | undefined): void {
    this.detachSocket?.();
    this.detachSocket = null;
    this.socket = null;
    const details = { ...(statusCode !== undefined ? { statusCode } : {}), ...(message ? { message } : {}) };
    if (this.closingOnPurpose) {
      if (this.state !== "closed") this.setConnection({ state: "closed", reason: "requested", action: "none", ...details });
      this.running = false;
      this.rejectWaiters(new TransportStoppedError("requested", "disconnected on purpose"));
      return;
    }
    const decision = decideReconnect(statusCode, this.attempt, this.options.backoff);
    if (decision.action === "reconnect") {
      if (decision.reason !== "restartRequired") this.attempt += 1;
      this.setConnection({ state: "closed", reason: decision.reason, action: "reconnect", retryInMs: decision.delayMs, ...details });
      this.cancelRetry = this.schedule(() => void this.startSocket(), decision.delayMs);
      return;
    }
    this.running = false;
    const stop = () => {
      this.setConnection({ state: "closed", reason: decision.reason, action: decision.action, ...details });
      const text =
        decision.action === "repair"
          ? `WhatsApp session ended (${decision.reason}): credentials cleared, pair the shop's phone again`
          : `WhatsApp connection stopped (${decision.reason}); not reconnecting automatically`;
      this.events.emit("alert", { kind: decision.alert, message: text, timestamp: this.now().toISOString() });
      this.rejectWaiters(new TransportStoppedError(decision.alert, text));
    };
    if (decision.action === "repair") void this.auth.clear().then(stop, stop);
    else stop();
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
