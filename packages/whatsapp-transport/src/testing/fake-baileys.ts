import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import type {
  BaileysAuthState,
  BaileysEventMapSubset,
  BaileysMessageKey,
  BaileysOutboundContent,
  BaileysSocketFactory,
  BaileysWAMessage,
} from "../baileys/baileys-types.js";
import { WAMessageStatus } from "../baileys/baileys-types.js";
import { DisconnectReason } from "../reconnect.js";

type EventMap = BaileysEventMapSubset;
type EventName = keyof EventMap;

/** An Error shaped like @hapi/boom's, which is what Baileys puts in lastDisconnect.error. */
export function boomError(message: string, statusCode: number): Error & { isBoom: true; output: { statusCode: number } } {
  return Object.assign(new Error(message), { isBoom: true as const, output: { statusCode } });
}

/**
 * Baileys' event buffer (lib/Utils/event-buffer.js) in miniature: emit() sends a map through the
 * internal "event" channel; process() handlers get that map; on()/off() get single events.
 * buffer()/flush() hold message events back and release them as one consolidated batch, keeping
 * one upsert per message id like the real buffer.
 */
export class FakeEventBuffer {
  private readonly emitter = new EventEmitter();
  private held: Partial<EventMap> | null = null;

  constructor() {
    this.emitter.on("event", (map: Partial<EventMap>) => {
      for (const [event, data] of Object.entries(map)) this.emitter.emit(event, data);
    });
  }

  process(handler: (events: Partial<EventMap>) => void | Promise<void>): () => void {
    const listener = (map: Partial<EventMap>) => void handler(map);
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }

  emit<E extends EventName>(event: E, data: EventMap[E]): boolean {
    if (this.held && (event === "messages.upsert" || event === "messages.update")) {
      this.hold(event, data);
      return true;
    }
    return this.emitter.emit("event", { [event]: data });
  }

  on<E extends EventName>(event: E, listener: (data: EventMap[E]) => void): void {
    this.emitter.on(event, listener);
  }

  off<E extends EventName>(event: E, listener: (data: EventMap[E]) => void): void {
    this.emitter.off(event, listener);
  }

  removeAllListeners(event: EventName): void {
    this.emitter.removeAllListeners(event);
  }

  buffer(): void {
    this.held ??= {};
  }

  isBuffering(): boolean {
    return this.held !== null;
  }

  flush(): boolean {
    if (!this.held) return false;
    const batch = this.held;
    this.held = null;
    if (Object.keys(batch).length > 0) this.emitter.emit("event", batch);
    return true;
  }

  /** How many process() handlers are attached (a transport must detach from dead sockets). */
  processorCount(): number {
    return this.emitter.listenerCount("event") - 1;
  }

  private hold<E extends EventName>(event: E, data: EventMap[E]): void {
    const held = this.held!;
    if (event === "messages.upsert") {
      const upsert = data as EventMap["messages.upsert"];
      const previous = held["messages.upsert"];
      const byId = new Map((previous?.messages ?? []).map((message) => [message.key.id, message]));
      for (const message of upsert.messages) byId.set(message.key.id, message);
      held["messages.upsert"] = {
        messages: [...byId.values()],
        type: previous?.type === "notify" || upsert.type === "notify" ? "notify" : "append",
      };
    } else {
      held["messages.update"] = [...(held["messages.update"] ?? []), ...(data as EventMap["messages.update"])];
    }
  }
}

export interface SentRecord {
  jid: string;
  content: BaileysOutboundContent;
  key: BaileysMessageKey;
}

/** A Baileys socket with no network: it records sends and lets a test play WhatsApp's part. */
export class FakeBaileysSocket {
  readonly ev = new FakeEventBuffer();
  user: { id: string; name?: string } | undefined = undefined;
  readonly sent: SentRecord[] = [];
  /** undefined while running; the error it ended with (null for a clean end) afterwards. */
  endedWith: Error | null | undefined = undefined;
  loggedOut = false;
  private failures: Error[] = [];
  private counter = 0;

  constructor(readonly auth: BaileysAuthState) {}

  get ended(): boolean {
    return this.endedWith !== undefined;
  }

  async sendMessage(jid: string, content: BaileysOutboundContent, options?: { messageId?: string }) {
    if (this.ended) throw boomError("Connection Closed", DisconnectReason.connectionClosed);
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.counter += 1;
    const key: BaileysMessageKey = {
      remoteJid: jid,
      fromMe: true,
      id: options?.messageId ?? `3EB0${randomBytes(9).toString("hex").toUpperCase()}`,
    };
    this.sent.push({ jid, content, key });
    const message: BaileysWAMessage = { key, messageTimestamp: Math.floor(Date.now() / 1000), status: WAMessageStatus.PENDING };
    // Like Baileys: the sent message comes back as an "append" upsert of our own.
    this.ev.emit("messages.upsert", { messages: [message], type: "append" });
    return message;
  }

  end(error: Error | undefined): void {
    if (this.ended) return;
    this.endedWith = error ?? null;
    this.ev.emit("connection.update", { connection: "close", lastDisconnect: { error, date: new Date() } });
    this.ev.removeAllListeners("connection.update");
  }

  async logout(msg?: string): Promise<void> {
    this.loggedOut = true;
    this.end(boomError(msg ?? "Intentional Logout", DisconnectReason.loggedOut));
  }

  // ---- what WhatsApp would do ----

  open(user = { id: "60390001234:7@s.whatsapp.net", name: "Voltura" }): void {
    this.user = user;
    this.ev.emit("connection.update", { connection: "open" });
  }

  connecting(): void {
    this.ev.emit("connection.update", { connection: "connecting" });
  }

  showQr(code: string): void {
    this.ev.emit("connection.update", { qr: code });
  }

  /** Staff scanned the QR: creds are registered, then WhatsApp asks for a restart (515). */
  pair(me = { id: "60390001234:7@s.whatsapp.net", name: "Voltura" }): void {
    Object.assign(this.auth.creds, { registered: true, me });
    this.ev.emit("creds.update", { registered: true, me });
    this.end(boomError("Stream Errored (restart required)", DisconnectReason.restartRequired));
  }

  closeWith(statusCode: number, message = `closed with ${statusCode}`): void {
    this.end(boomError(message, statusCode));
  }

  failNextSend(error: Error = boomError("Connection Closed", DisconnectReason.connectionClosed)): void {
    this.failures.push(error);
  }

  receiveText(
    fromJid: string,
    text: string,
    options: { id?: string; pushName?: string; timestampSeconds?: number; type?: "notify" | "append" } = {},
  ): BaileysWAMessage {
    this.counter += 1;
    const message: BaileysWAMessage = {
      key: { remoteJid: fromJid, fromMe: false, id: options.id ?? `FAKEIN${this.counter}` },
      message: { conversation: text },
      messageTimestamp: options.timestampSeconds ?? Math.floor(Date.now() / 1000),
      ...(options.pushName ? { pushName: options.pushName } : {}),
    };
    this.receive([message], options.type ?? "notify");
    return message;
  }

  receive(messages: BaileysWAMessage[], type: "notify" | "append" = "notify"): void {
    this.ev.emit("messages.upsert", { messages, type });
  }

  /** A delivery/read receipt for one of our messages (status: WAMessageStatus value). */
  receipt(messageId: string, status: number, remoteJid?: string): void {
    const jid = remoteJid ?? this.sent.find((record) => record.key.id === messageId)?.jid ?? null;
    this.ev.emit("messages.update", [{ key: { remoteJid: jid, fromMe: true, id: messageId }, update: { status } }]);
  }

  updateCreds(update: Record<string, unknown>): void {
    Object.assign(this.auth.creds, update);
    this.ev.emit("creds.update", update);
  }
}

export interface FakeBaileysOptions {
  /**
   * Runs (in a microtask, after the transport attached) for every new socket. Default: "connecting",
   * then open when the creds are registered, else show a QR code.
   */
  onSocket?: (socket: FakeBaileysSocket, index: number) => void;
}

/** Like Baileys' initAuthCreds: unregistered creds with random key material. */
export function fakeInitAuthCreds(): Record<string, unknown> {
  const keyPair = () => ({ public: randomBytes(32), private: randomBytes(32) });
  return {
    noiseKey: keyPair(),
    pairingEphemeralKeyPair: keyPair(),
    signedIdentityKey: keyPair(),
    signedPreKey: { keyPair: keyPair(), signature: randomBytes(64), keyId: 1 },
    registrationId: 4242,
    advSecretKey: randomBytes(32).toString("base64"),
    processedHistoryMessages: [],
    nextPreKeyId: 1,
    firstUnuploadedPreKeyId: 1,
    accountSyncCounter: 0,
    accountSettings: { unarchiveChats: false },
    registered: false,
    pairingCode: undefined,
    lastPropHash: undefined,
    routingInfo: undefined,
  };
}

/** A fake `makeWASocket` plus `initAuthCreds`, keeping every socket it made. */
export function createFakeBaileys(options: FakeBaileysOptions = {}) {
  const sockets: FakeBaileysSocket[] = [];
  const initAuthCreds = fakeInitAuthCreds;
  const onSocket =
    options.onSocket ??
    ((socket: FakeBaileysSocket, index: number) => {
      socket.connecting();
      if (socket.auth.creds.registered) socket.open();
      else socket.showQr(`2@fake-qr-${index}`);
    });
  const socketFactory: BaileysSocketFactory = ({ auth }) => {
    const socket = new FakeBaileysSocket(auth);
    const index = sockets.push(socket) - 1;
    queueMicrotask(() => onSocket(socket, index));
    return socket;
  };
  return {
    socketFactory,
    sockets,
    latest(): FakeBaileysSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error("no socket was created yet");
      return socket;
    },
    initAuthCreds,
    /** Creds as a paired device would have them. */
    registeredCreds(): Record<string, unknown> {
      return { ...initAuthCreds(), registered: true, me: { id: "60390001234:7@s.whatsapp.net", name: "Voltura" } };
    },
  };
}
export type FakeBaileys = ReturnType<typeof createFakeBaileys>;
