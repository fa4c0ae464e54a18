import { randomBytes } from "node:crypto";
import type {
  BaileysAuthState,
  BaileysMessageKey,
  BaileysNewChatMessageCap,
  BaileysPresence,
  BaileysReachoutTimelock,
  BaileysOutboundContent,
  BaileysSocketFactory,
  BaileysWAMessage,
} from "../baileys/baileys-types.js";
import { WAMessageStatus } from "../baileys/baileys-types.js";
import { DisconnectReason } from "../reconnect.js";
import { FakeEventBuffer } from "./fake-event-buffer.js";

export { FakeEventBuffer };

/** An Error shaped like @hapi/boom's, which is what Baileys puts in lastDisconnect.error. */
export function boomError(message: string, statusCode: number): Error & { isBoom: true; output: { statusCode: number } } {
  return Object.assign(new Error(message), { isBoom: true as const, output: { statusCode } });
}

/**
 * What Baileys throws when WhatsApp answers a query or send with an error node (assertNodeErrorFree):
 * a Boom whose `data` is the node's code (463, 401, 403…) and statusCode 500.
 */
export function refusalError(code: number, text = "error"): Error & { isBoom: true; data: number; output: { statusCode: number } } {
  return Object.assign(new Error(text), { isBoom: true as const, data: code, output: { statusCode: 500 } });
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
  /** Every read receipt sent (readMessages keys), oldest first. */
  readonly reads: BaileysMessageKey[] = [];
  /** Every presence update sent, oldest first. */
  readonly presences: { type: BaileysPresence; toJid: string | undefined }[] = [];
  /** What the account queries answer (7.x shapes); set with setReachoutTimelock / setNewChatCap. */
  reachoutTimelock: BaileysReachoutTimelock = { isActive: false, enforcementType: "DEFAULT" };
  newChatCap: BaileysNewChatMessageCap = {};
  /** A query failure for the next fetchAccountReachoutTimelock / fetchNewChatMessageCap. */
  failNextTimelockQuery: Error | null = null;
  failNextCapQuery: Error | null = null;

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

  async sendPresenceUpdate(type: BaileysPresence, toJid?: string): Promise<void> {
    if (this.ended) throw boomError("Connection Closed", DisconnectReason.connectionClosed);
    this.presences.push({ type, toJid });
  }

  async readMessages(keys: BaileysMessageKey[]): Promise<void> {
    if (this.ended) throw boomError("Connection Closed", DisconnectReason.connectionClosed);
    this.reads.push(...keys);
  }

  /** Like Baileys 7: answers the query and also emits connection.update { reachoutTimeLock }. */
  async fetchAccountReachoutTimelock(): Promise<BaileysReachoutTimelock> {
    if (this.ended) throw boomError("Connection Closed", DisconnectReason.connectionClosed);
    const failure = this.failNextTimelockQuery;
    this.failNextTimelockQuery = null;
    if (failure) throw failure;
    const result = { ...this.reachoutTimelock };
    this.ev.emit("connection.update", { reachoutTimeLock: result });
    return result;
  }

  async fetchNewChatMessageCap(): Promise<BaileysNewChatMessageCap> {
    if (this.ended) throw boomError("Connection Closed", DisconnectReason.connectionClosed);
    const failure = this.failNextCapQuery;
    this.failNextCapQuery = null;
    if (failure) throw failure;
    return { ...this.newChatCap };
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

  /** WhatsApp sets or lifts a reach-out timelock; `notify` pushes it like a timelock notification. */
  setReachoutTimelock(state: BaileysReachoutTimelock, notify = true): void {
    this.reachoutTimelock = state;
    if (notify) this.ev.emit("connection.update", { reachoutTimeLock: state });
  }

  /** WhatsApp changes the new-chat cap; `notify` pushes a message-capping.update. */
  setNewChatCap(info: BaileysNewChatMessageCap, notify = true): void {
    this.newChatCap = info;
    if (notify) this.ev.emit("message-capping.update", info);
  }

  /** WhatsApp refuses one of our messages in its ack: status ERROR with the code, as Baileys reports it. */
  failedAck(messageId: string, code: number): void {
    const jid = this.sent.find((record) => record.key.id === messageId)?.jid ?? null;
    this.ev.emit("messages.update", [
      { key: { remoteJid: jid, fromMe: true, id: messageId }, update: { status: WAMessageStatus.ERROR, messageStubParameters: [String(code)] } },
    ]);
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
