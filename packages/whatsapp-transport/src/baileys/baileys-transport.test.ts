import { describe, expect, it } from "vitest";
import { InMemoryAuthStateStore } from "../auth-state/auth-state-store.js";
import { recordEvents } from "../contract/index.js";
import { TransportNotOpenError, TransportStoppedError } from "../errors.js";
import { DisconnectReason } from "../reconnect.js";
import { createFakeBaileys, type FakeBaileys } from "../testing/fake-baileys.js";
import { settle } from "../testing/harnesses.js";
import { WAMessageStatus } from "./baileys-types.js";
import { BaileysTransport, type BaileysTransportOptions } from "./baileys-transport.js";

const CUSTOMER_JID = "60123456789@s.whatsapp.net";

function manualScheduler() {
  const timers: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
  return {
    timers,
    schedule(run: () => void, delayMs: number) {
      const timer = { run, delayMs, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    async fire(): Promise<void> {
      const timer = timers.shift();
      if (!timer) throw new Error("no reconnect was scheduled");
      if (!timer.cancelled) timer.run();
      await settle();
    },
  };
}

function setup(options: { paired?: boolean; fake?: FakeBaileys; overrides?: Partial<BaileysTransportOptions> } = {}) {
  const fake = options.fake ?? createFakeBaileys();
  const store = new InMemoryAuthStateStore(options.paired === false ? undefined : { creds: fake.registeredCreds(), keys: {} });
  const scheduler = manualScheduler();
  const transport = new BaileysTransport({
    socketFactory: fake.socketFactory,
    authStore: store,
    initAuthCreds: fake.initAuthCreds,
    backoff: { random: () => 0.5 },
    schedule: scheduler.schedule,
    now: () => new Date("2026-11-24T02:00:00.000Z"),
    ...options.overrides,
  });
  return { fake, store, scheduler, transport };
}

describe("BaileysTransport: pairing and session storage", () => {
  it("shows QR codes, saves the creds on pairing, restarts at once (515) and opens", async () => {
    const { fake, store, scheduler, transport } = setup({ paired: false });
    const codes = recordEvents(transport, "qr");
    const states = recordEvents(transport, "connection");
    const opened = transport.connect();
    await settle();
    expect(codes).toEqual(["2@fake-qr-0"]);
    fake.latest().pair();
    await settle();
    expect((await store.load())?.creds).toMatchObject({ registered: true, me: { id: "60390001234:7@s.whatsapp.net" } });
    expect(scheduler.timers.map((timer) => timer.delayMs)).toEqual([0]);
    expect(states.at(-1)).toMatchObject({ state: "closed", reason: "restartRequired", action: "reconnect", retryInMs: 0 });
    await scheduler.fire();
    await opened;
    expect(transport.state).toBe("open");
    expect(fake.sockets).toHaveLength(2);
    expect(fake.sockets[1]!.auth.creds.registered).toBe(true);
    expect(transport.user?.id).toBe("60390001234:7@s.whatsapp.net");
  });

  it("persists Signal keys written by Baileys and revives them on read", async () => {
    const { fake, store, transport } = setup({
      overrides: { reviveKey: (type, value) => (type === "app-state-sync-key" ? { revived: value } : value) },
    });
    await transport.connect();
    const { keys } = fake.latest().auth;
    await keys.set({ "pre-key": { "1": { public: Buffer.from([1]), private: Buffer.from([2]) } }, "app-state-sync-key": { AAA: { keyData: Buffer.from([3]) } } });
    const stored = await store.load();
    expect(Buffer.isBuffer((stored?.keys["pre-key"]?.["1"] as { public: Buffer }).public)).toBe(true);
    expect(await keys.get("pre-key", ["1", "2"])).toEqual({ "1": { public: Buffer.from([1]), private: Buffer.from([2]) } });
    expect(await keys.get("app-state-sync-key", ["AAA"])).toEqual({ AAA: { revived: { keyData: Buffer.from([3]) } } });
    await keys.set({ "pre-key": { "1": null } });
    expect((await store.load())?.keys["pre-key"]).toEqual({});
  });

  it("saves creds.update batches one at a time, coalescing bursts", async () => {
    const { fake, store, transport } = setup();
    await transport.connect();
    const before = store.saves;
    fake.latest().updateCreds({ nextPreKeyId: 31 });
    fake.latest().updateCreds({ nextPreKeyId: 32 });
    fake.latest().updateCreds({ accountSyncCounter: 1 });
    await settle();
    expect(store.saves - before).toBe(1);
    expect((await store.load())?.creds).toMatchObject({ nextPreKeyId: 32, accountSyncCounter: 1 });
  });

  it("reports a session that cannot be loaded and does not retry", async () => {
    const fake = createFakeBaileys();
    const errors: Error[] = [];
    const { transport, scheduler } = setup({
      fake,
      overrides: { authStore: { load: () => Promise.reject(new Error("bad key")), save: async () => {}, clear: async () => {} } },
    });
    transport.on("error", (error) => errors.push(error));
    await expect(transport.connect()).rejects.toThrow(/could not load the WhatsApp session/);
    expect(errors).toHaveLength(1);
    expect(fake.sockets).toHaveLength(0);
    expect(scheduler.timers).toHaveLength(0);
  });
});

describe("BaileysTransport: reconnect policy", () => {
  it.each([
    ["connectionLost", DisconnectReason.connectionLost],
    ["connectionClosed", DisconnectReason.connectionClosed],
    ["unavailableService", DisconnectReason.unavailableService],
  ] as const)("%s: backs off 500 ms, 1 s, 2 s … and resets once open", async (reason, code) => {
    const { fake, scheduler, transport } = setup({ fake: createFakeBaileys({ onSocket: () => undefined }) });
    const states = recordEvents(transport, "connection");
    const opened = transport.connect();
    await settle();
    for (let i = 0; i < 3; i += 1) {
      fake.latest().closeWith(code);
      await settle();
      await scheduler.fire();
    }
    expect(states.filter((event) => event.state === "closed").map((event) => "retryInMs" in event && event.retryInMs)).toEqual([500, 1_000, 2_000]);
    expect(states.filter((event) => event.state === "closed").every((event) => "reason" in event && event.reason === reason)).toBe(true);
    fake.latest().open();
    await opened;
    fake.latest().closeWith(code);
    await settle();
    expect(scheduler.timers.at(-1)?.delayMs).toBe(500);
    expect(fake.sockets).toHaveLength(4);
  });

  it.each([
    ["connectionReplaced", DisconnectReason.connectionReplaced],
    ["forbidden", DisconnectReason.forbidden],
    ["multideviceMismatch", DisconnectReason.multideviceMismatch],
  ] as const)("%s: stops, alerts, keeps the session and does not reconnect", async (reason, code) => {
    const { fake, store, scheduler, transport } = setup();
    const alerts = recordEvents(transport, "alert");
    await transport.connect();
    fake.latest().closeWith(code);
    await settle();
    expect(transport.state).toBe("closed");
    expect(alerts).toEqual([expect.objectContaining({ kind: reason })]);
    expect(scheduler.timers).toHaveLength(0);
    expect(store.isEmpty).toBe(false);
    expect(fake.sockets).toHaveLength(1);
  });

  it.each([
    ["loggedOut", DisconnectReason.loggedOut],
    ["badSession", DisconnectReason.badSession],
  ] as const)("%s: clears the credentials, asks for a re-pair, and the next connect shows a QR", async (reason, code) => {
    const { fake, store, scheduler, transport } = setup();
    const alerts = recordEvents(transport, "alert");
    const states = recordEvents(transport, "connection");
    await transport.connect();
    fake.latest().closeWith(code);
    await settle();
    expect(store.isEmpty).toBe(true);
    expect(alerts).toEqual([expect.objectContaining({ kind: "pairingRequired" })]);
    expect(states.at(-1)).toMatchObject({ state: "closed", reason, action: "repair", statusCode: code });
    expect(scheduler.timers).toHaveLength(0);
    const codes = recordEvents(transport, "qr");
    void transport.connect().catch(() => undefined);
    await settle();
    expect(fake.latest().auth.creds.registered).toBe(false);
    expect(codes).toHaveLength(1);
  });

  it("a creds.update right before a logout does not bring the cleared session back", async () => {
    const { fake, store, transport } = setup();
    await transport.connect();
    fake.latest().updateCreds({ nextPreKeyId: 99 });
    fake.latest().closeWith(DisconnectReason.loggedOut);
    await settle();
    expect(store.isEmpty).toBe(true);
  });

  it("a pending connect() rejects when the policy stops", async () => {
    const { fake, transport } = setup({ fake: createFakeBaileys({ onSocket: (socket) => socket.closeWith(440) }) });
    await expect(transport.connect()).rejects.toBeInstanceOf(TransportStoppedError);
    expect(fake.sockets).toHaveLength(1);
  });

  it("disconnect() during a backoff wait cancels the retry", async () => {
    const { fake, scheduler, transport } = setup();
    await transport.connect();
    fake.latest().closeWith(DisconnectReason.connectionLost);
    await settle();
    const pending = transport.connect();
    await transport.disconnect();
    await expect(pending).rejects.toBeInstanceOf(TransportStoppedError);
    await scheduler.fire();
    expect(fake.sockets).toHaveLength(1);
  });

  it("logout() unlinks the device, clears the session and does not reconnect", async () => {
    const { fake, store, scheduler, transport } = setup();
    const alerts = recordEvents(transport, "alert");
    await transport.connect();
    await transport.logout();
    expect(fake.latest().loggedOut).toBe(true);
    expect(store.isEmpty).toBe(true);
    expect(transport.state).toBe("closed");
    expect(alerts).toEqual([]);
    expect(scheduler.timers).toHaveLength(0);
  });
});

describe("BaileysTransport: inbound and receipts", () => {
  it("emits a message re-delivered inside one buffered batch and again after a reconnect only once", async () => {
    const { fake, scheduler, transport } = setup();
    const messages = recordEvents(transport, "message");
    await transport.connect();
    const first = fake.latest();
    first.ev.buffer();
    first.receiveText(CUSTOMER_JID, "Setuju", { id: "DUP" });
    first.receiveText(CUSTOMER_JID, "Setuju", { id: "DUP" });
    first.receiveText(CUSTOMER_JID, "Bila siap?", { id: "OTHER" });
    first.ev.flush();
    first.closeWith(DisconnectReason.connectionLost);
    await settle();
    await scheduler.fire();
    fake.latest().receiveText(CUSTOMER_JID, "Setuju", { id: "DUP" });
    await settle();
    expect(messages.map((message) => message.id)).toEqual(["DUP", "OTHER"]);
  });

  it("ignores history (append), own messages and groups; reports unreadable senders", async () => {
    const { fake, transport } = setup();
    const messages = recordEvents(transport, "message");
    const errors = recordEvents(transport, "error");
    await transport.connect();
    const socket = fake.latest();
    socket.receiveText(CUSTOMER_JID, "old", { type: "append" });
    socket.receiveText("120363025246125486@g.us", "group chatter");
    await transport.sendText("+60123456789", "Hi", { idempotencyKey: "own" }); // comes back as an own upsert
    socket.receiveText("123456789012345@lid", "who am I");
    await settle();
    expect(messages).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining("cannot read a phone number")]);
  });

  it("ignores events from a socket it already left behind", async () => {
    const { fake, scheduler, transport } = setup();
    const messages = recordEvents(transport, "message");
    await transport.connect();
    const old = fake.latest();
    old.closeWith(DisconnectReason.connectionLost);
    await settle();
    await scheduler.fire();
    expect(old.ev.processorCount()).toBe(0);
    old.ev.process(() => undefined); // someone else still listening must not revive it
    old.receiveText(CUSTOMER_JID, "ghost", { id: "GHOST" });
    await settle();
    expect(messages).toEqual([]);
  });

  it("maps receipts (PLAYED counts as read) and ignores errors and other people's statuses", async () => {
    const { fake, transport } = setup();
    const receipts = recordEvents(transport, "receipt");
    await transport.connect();
    const { messageId } = await transport.sendText("+60123456789", "Quote RM 350", { idempotencyKey: "q" });
    const socket = fake.latest();
    socket.receipt(messageId, WAMessageStatus.ERROR);
    socket.receipt(messageId, WAMessageStatus.SERVER_ACK);
    socket.receipt(messageId, WAMessageStatus.PLAYED);
    socket.receipt(messageId, WAMessageStatus.DELIVERY_ACK);
    socket.ev.emit("messages.update", [{ key: { remoteJid: CUSTOMER_JID, fromMe: false, id: "THEIRS" }, update: { status: 4 } }]);
    await settle();
    expect(receipts).toEqual([
      { messageId, status: "sent", to: "+60123456789", timestamp: "2026-11-24T02:00:00.000Z" },
      { messageId, status: "read", to: "+60123456789", timestamp: "2026-11-24T02:00:00.000Z" },
    ]);
  });
});

describe("BaileysTransport: sending", () => {
  it("sends text to the customer's JID", async () => {
    const { fake, transport } = setup();
    await transport.connect();
    const { messageId } = await transport.sendText("+60123456789", "Phone siap", { idempotencyKey: "a" });
    expect(fake.latest().sent).toEqual([{ jid: CUSTOMER_JID, content: { text: "Phone siap" }, key: expect.objectContaining({ id: messageId, fromMe: true }) }]);
  });

  it("sends under the message id the caller chose, so a resend after a crash carries the same id", async () => {
    const { fake, transport } = setup();
    await transport.connect();
    const { messageId } = await transport.sendText("+60123456789", "Resit", { idempotencyKey: "r", messageId: "3EB0ABCDEF0123456789AB" });
    expect(messageId).toBe("3EB0ABCDEF0123456789AB");
    expect(fake.latest().sent.map((record) => record.key.id)).toEqual(["3EB0ABCDEF0123456789AB"]);
    await expect(transport.sendText("+60123456789", "x", { idempotencyKey: "bad", messageId: "no spaces!" })).rejects.toThrow();
  });

  it("maps media to Baileys content", async () => {
    const { fake, transport } = setup();
    await transport.connect();
    await transport.sendMedia("+60123456789", { kind: "image", url: "https://shop.example/p.jpg", caption: "Sebelum" }, { idempotencyKey: "i" });
    await transport.sendMedia("+60123456789", { kind: "document", data: new Uint8Array([1]) }, { idempotencyKey: "d" });
    await transport.sendMedia("+60123456789", { kind: "audio", data: new Uint8Array([2]), mimeType: "audio/ogg", caption: "dropped" }, { idempotencyKey: "a" });
    expect(fake.latest().sent.map((record) => record.content)).toEqual([
      { image: { url: "https://shop.example/p.jpg" }, caption: "Sebelum" },
      { document: Buffer.from([1]), mimetype: "application/octet-stream" },
      { audio: Buffer.from([2]), mimetype: "audio/ogg" },
    ]);
  });

  it("a send that failed is really sent again on retry; one that succeeded is not, even across reconnects", async () => {
    const { fake, scheduler, transport } = setup();
    await transport.connect();
    fake.latest().failNextSend();
    await expect(transport.sendText("+60123456789", "Siap", { idempotencyKey: "job:ready" })).rejects.toThrow("Connection Closed");
    const first = await transport.sendText("+60123456789", "Siap", { idempotencyKey: "job:ready" });
    fake.latest().closeWith(DisconnectReason.connectionLost);
    await settle();
    await expect(transport.sendText("+60123456789", "Siap", { idempotencyKey: "other" })).rejects.toBeInstanceOf(TransportNotOpenError);
    await scheduler.fire();
    const retry = await transport.sendText("+60123456789", "Siap", { idempotencyKey: "job:ready" });
    expect(retry.messageId).toBe(first.messageId);
    expect(fake.sockets.flatMap((socket) => socket.sent)).toHaveLength(1);
  });
});
