/**
 * The slice of @whiskeysockets/baileys (6.7, and the 7.x additions marked) this adapter uses, written out structurally so the
 * package builds and tests without Baileys installed (its libsignal dependency is a git URL).
 * Shapes follow lib/Types/{Events,Message,State,Auth}.d.ts and lib/Socket/socket.d.ts; the real
 * `makeWASocket(...)` result satisfies BaileysSocketLike.
 */

export interface BaileysMessageKey {
  remoteJid?: string | null;
  fromMe?: boolean | null;
  id?: string | null;
  participant?: string | null;
  /** 6.7: the sender's phone JID when remoteJid is a LID (…@lid). */
  senderPn?: string;
  senderLid?: string;
  /** 7.x spelling of the alternate (phone) JID. */
  remoteJidAlt?: string;
}

/** protobuf Long, as messageTimestamp may be one. */
export interface LongLike {
  toNumber(): number;
}

export interface BaileysMediaMessage {
  caption?: string | null;
  mimetype?: string | null;
  fileName?: string | null;
  fileLength?: number | LongLike | null;
}

export interface BaileysMessageContent {
  conversation?: string | null;
  extendedTextMessage?: { text?: string | null } | null;
  imageMessage?: BaileysMediaMessage | null;
  videoMessage?: BaileysMediaMessage | null;
  audioMessage?: BaileysMediaMessage | null;
  documentMessage?: BaileysMediaMessage | null;
  stickerMessage?: BaileysMediaMessage | null;
  ephemeralMessage?: { message?: BaileysMessageContent | null } | null;
  viewOnceMessage?: { message?: BaileysMessageContent | null } | null;
  viewOnceMessageV2?: { message?: BaileysMessageContent | null } | null;
  documentWithCaptionMessage?: { message?: BaileysMessageContent | null } | null;
}

export interface BaileysWAMessage {
  key: BaileysMessageKey;
  message?: BaileysMessageContent | null;
  /** Seconds since the epoch. */
  messageTimestamp?: number | LongLike | null;
  pushName?: string | null;
  /** proto.WebMessageInfo.Status: 0 ERROR, 1 PENDING, 2 SERVER_ACK, 3 DELIVERY_ACK, 4 READ, 5 PLAYED. */
  status?: number | null;
  /** With status ERROR from a server ack: [the error code, e.g. "463", and maybe a text]. */
  messageStubParameters?: string[] | null;
}

/** WebMessageInfo.Status values (WAProto). */
export const WAMessageStatus = { ERROR: 0, PENDING: 1, SERVER_ACK: 2, DELIVERY_ACK: 3, READ: 4, PLAYED: 5 } as const;

/** 7.x ReachoutTimelockState (lib/Types/State.d.ts): WhatsApp's block on starting new chats. */
export interface BaileysReachoutTimelock {
  isActive?: boolean;
  timeEnforcementEnds?: Date;
  enforcementType?: string;
}

/** 7.x NewChatMessageCapInfo: the quota of new chats per cycle. */
export interface BaileysNewChatMessageCap {
  total_quota?: number;
  used_quota?: number;
  cycle_start_timestamp?: string;
  cycle_end_timestamp?: string;
  server_sent_timestamp?: string;
  ote_status?: string;
  mv_status?: string;
  capping_status?: string;
}

/** 7.x WAPresence. */
export type BaileysPresence = "unavailable" | "available" | "composing" | "recording" | "paused";

export interface BaileysConnectionUpdate {
  connection?: "open" | "connecting" | "close";
  /** A Boom error: the DisconnectReason is error.output.statusCode. */
  lastDisconnect?: { error: Error | undefined; date: Date };
  qr?: string;
  isNewLogin?: boolean;
  receivedPendingNotifications?: boolean;
  /** 7.x: set on a timelock notification, and after fetchAccountReachoutTimelock(). */
  reachoutTimeLock?: BaileysReachoutTimelock;
}

export type BaileysUpsertType = "append" | "notify";

/** The events of BaileysEventMap this adapter consumes. */
export interface BaileysEventMapSubset {
  "connection.update": Partial<BaileysConnectionUpdate>;
  "creds.update": object;
  "messages.upsert": { messages: BaileysWAMessage[]; type: BaileysUpsertType; requestId?: string };
  "messages.update": { key: BaileysMessageKey; update: Partial<BaileysWAMessage> }[];
  /** 7.x: WhatsApp pushed a new-chat cap update. */
  "message-capping.update": BaileysNewChatMessageCap;
}

/** Baileys' event buffer (`sock.ev`): `process` gets every batch of events as one map. */
export interface BaileysEventBufferLike {
  process(handler: (events: Partial<BaileysEventMapSubset>) => void | Promise<void>): () => void;
}

type MediaUpload = Buffer | { url: string };

export type BaileysOutboundContent =
  | { text: string }
  | { image: MediaUpload; caption?: string; mimetype?: string }
  | { video: MediaUpload; caption?: string; mimetype?: string }
  | { audio: MediaUpload; mimetype?: string }
  | { document: MediaUpload; mimetype: string; fileName?: string; caption?: string };

export interface BaileysSocketLike {
  ev: BaileysEventBufferLike;
  readonly user?: { id: string; name?: string } | undefined;
  sendMessage(
    jid: string,
    content: BaileysOutboundContent,
    options?: { messageId?: string },
  ): Promise<{ key: BaileysMessageKey } | undefined>;
  end(error: Error | undefined): void;
  logout(msg?: string): Promise<void>;
  /** "composing" / "paused" to a chat JID (a chatstate node). */
  sendPresenceUpdate(type: BaileysPresence, toJid?: string): Promise<void>;
  /** Sends read receipts (blue ticks) for received messages. */
  readMessages(keys: BaileysMessageKey[]): Promise<void>;
  /** 7.x: also emits connection.update { reachoutTimeLock }. */
  fetchAccountReachoutTimelock(): Promise<BaileysReachoutTimelock>;
  fetchNewChatMessageCap(): Promise<BaileysNewChatMessageCap>;
}

/** Baileys AuthenticationState, loosely typed (creds: AuthenticationCreds, keys: SignalKeyStore). */
export interface BaileysAuthState {
  creds: Record<string, unknown>;
  keys: {
    get(type: string, ids: string[]): Promise<Record<string, unknown>>;
    set(data: Record<string, Record<string, unknown> | undefined>): Promise<void>;
    clear?(): Promise<void>;
  };
}

/**
 * Builds a socket, e.g. `(config) => makeWASocket({ ...config, auth: config.auth as AuthenticationState,
 * logger, browser: Browsers.ubuntu("Voltura") })`.
 */
export type BaileysSocketFactory = (config: { auth: BaileysAuthState }) => BaileysSocketLike;
