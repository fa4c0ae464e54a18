import { afterEach, describe, expect, it } from "vitest";
import { IdempotencyKeyReusedError, InvalidRecipientError, TransportNotOpenError, TransportSendError } from "../errors.js";
import type { E164, PresenceState, ReceiptStatus, TransportEventMap, TransportEventName, WhatsAppTransport } from "../types.js";

/** What the contract needs from an adapter under test: the transport and a hand on its medium. */
export interface TransportHarness {
  transport: WhatsAppTransport;
  /** Makes the medium deliver an inbound text; the same id again is a re-delivery. */
  deliverInbound(message: { id: string; from: E164; text: string }): Promise<void>;
  /** Makes the medium report a receipt for an outbound message. */
  deliverReceipt(messageId: string, status: ReceiptStatus): Promise<void>;
  /** How many messages really went out over the medium. */
  transmittedCount(): number;
  /** The typing presences that went out over the medium, oldest first. */
  presences(): { to: E164; state: PresenceState }[];
  /** Makes WhatsApp announce new limits (and answer the limits queries with them). */
  announceLimits(limits: { reachoutTimelockUntil: string | null; newChatMessageCap: number | null }): Promise<void>;
  /** Makes WhatsApp refuse the next send with this status code (463, 401, 403…). */
  refuseNextSend(statusCode: number): void;
  /** Makes WhatsApp refuse an already sent message in its acknowledgement. */
  refuseAck(messageId: string, statusCode: number): Promise<void>;
  dispose?(): Promise<void>;
}

export type HarnessFactory = () => TransportHarness | Promise<TransportHarness>;

/** Records every payload of one event. */
export function recordEvents<E extends TransportEventName>(transport: WhatsAppTransport, event: E): TransportEventMap[E][] {
  const seen: TransportEventMap[E][] = [];
  transport.on(event, (payload) => seen.push(payload));
  return seen;
}

const CUSTOMER: E164 = "+60123456789";

/** The behaviour every WhatsAppTransport adapter must have. Call inside a Vitest test file. */
export function runTransportContract(name: string, makeHarness: HarnessFactory): void {
  describe(`WhatsAppTransport contract: ${name}`, () => {
    let harness: TransportHarness | undefined;

    async function connected(): Promise<TransportHarness> {
      harness = await makeHarness();
      await harness.transport.connect();
      return harness;
    }

    afterEach(async () => {
      await harness?.dispose?.();
      harness = undefined;
    });

    it("connect() announces connecting, then resolves with the connection open", async () => {
      harness = await makeHarness();
      const states = recordEvents(harness.transport, "connection");
      expect(harness.transport.state).toBe("closed");
      await harness.transport.connect();
      expect(harness.transport.state).toBe("open");
      expect(states.map((event) => event.state)).toEqual(["connecting", "open"]);
    });

    it("refuses to send before the connection is open, and sends nothing", async () => {
      harness = await makeHarness();
      await expect(harness.transport.sendText(CUSTOMER, "Hi", { idempotencyKey: "early" })).rejects.toBeInstanceOf(
        TransportNotOpenError,
      );
      expect(harness.transmittedCount()).toBe(0);
    });

    it("delivers an inbound text once even when the medium emits the same id twice", async () => {
      const { transport, deliverInbound } = await connected();
      const messages = recordEvents(transport, "message");
      await deliverInbound({ id: "WAID-1", from: CUSTOMER, text: "Phone saya dah siap ke?" });
      await deliverInbound({ id: "WAID-1", from: CUSTOMER, text: "Phone saya dah siap ke?" });
      await deliverInbound({ id: "WAID-2", from: CUSTOMER, text: "Terima kasih" });
      expect(messages.map((message) => [message.id, message.from, message.text])).toEqual([
        ["WAID-1", CUSTOMER, "Phone saya dah siap ke?"],
        ["WAID-2", CUSTOMER, "Terima kasih"],
      ]);
      expect(Number.isNaN(Date.parse(messages[0]!.timestamp))).toBe(false);
    });

    it("returns a message id, and receipts move sent → delivered → read, never backwards", async () => {
      const { transport, deliverReceipt } = await connected();
      const receipts = recordEvents(transport, "receipt");
      const { messageId } = await transport.sendText(CUSTOMER, "Phone anda sudah siap", { idempotencyKey: "ready-1" });
      expect(messageId).toMatch(/\S+/);
      for (const status of ["sent", "delivered", "read", "delivered", "sent"] as const) {
        await deliverReceipt(messageId, status);
      }
      expect(receipts.map((receipt) => [receipt.messageId, receipt.status])).toEqual([
        [messageId, "sent"],
        [messageId, "delivered"],
        [messageId, "read"],
      ]);
      expect(receipts.every((receipt) => receipt.to === CUSTOMER)).toBe(true);
    });

    it("a read receipt that skips delivered still counts, and a late delivered is ignored", async () => {
      const { transport, deliverReceipt } = await connected();
      const receipts = recordEvents(transport, "receipt");
      const { messageId } = await transport.sendText(CUSTOMER, "Quote: RM 350", { idempotencyKey: "quote-1" });
      await deliverReceipt(messageId, "read");
      await deliverReceipt(messageId, "delivered");
      expect(receipts.map((receipt) => receipt.status)).toEqual(["read"]);
    });

    it("a retried send with the same idempotency key returns the first id and sends once", async () => {
      const { transport, transmittedCount } = await connected();
      const first = await transport.sendText(CUSTOMER, "Siap!", { idempotencyKey: "job-1:ready" });
      const retry = await transport.sendText(CUSTOMER, "Siap!", { idempotencyKey: "job-1:ready" });
      expect(retry.messageId).toBe(first.messageId);
      expect(transmittedCount()).toBe(1);
      const other = await transport.sendText(CUSTOMER, "Siap!", { idempotencyKey: "job-2:ready" });
      expect(other.messageId).not.toBe(first.messageId);
      expect(transmittedCount()).toBe(2);
    });

    it("concurrent sends with one idempotency key share a single transmission", async () => {
      const { transport, transmittedCount } = await connected();
      const results = await Promise.all(
        [1, 2, 3].map(() => transport.sendText(CUSTOMER, "Resit", { idempotencyKey: "receipt-7" })),
      );
      expect(new Set(results.map((result) => result.messageId)).size).toBe(1);
      expect(transmittedCount()).toBe(1);
    });

    it("refuses an idempotency key reused for a different message, and a bad recipient", async () => {
      const { transport, transmittedCount } = await connected();
      await transport.sendText(CUSTOMER, "A", { idempotencyKey: "k" });
      await expect(transport.sendText(CUSTOMER, "B", { idempotencyKey: "k" })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      await expect(transport.sendText("0123456789", "A", { idempotencyKey: "k2" })).rejects.toBeInstanceOf(
        InvalidRecipientError,
      );
      expect(transmittedCount()).toBe(1);
    });

    it("sends media and makes it idempotent too", async () => {
      const { transport, transmittedCount } = await connected();
      const media = { kind: "document" as const, data: new Uint8Array([37, 80, 68, 70]), mimeType: "application/pdf", fileName: "quote.pdf" };
      const first = await transport.sendMedia(CUSTOMER, media, { idempotencyKey: "quote-pdf" });
      const again = await transport.sendMedia(CUSTOMER, media, { idempotencyKey: "quote-pdf" });
      expect(again.messageId).toBe(first.messageId);
      expect(transmittedCount()).toBe(1);
    });

    it("typing presence goes to the chat only while open, and is not a message", async () => {
      harness = await makeHarness();
      await expect(harness.transport.sendPresence(CUSTOMER, "composing")).rejects.toBeInstanceOf(TransportNotOpenError);
      await harness.transport.connect();
      await harness.transport.sendPresence(CUSTOMER, "composing");
      await harness.transport.sendPresence(CUSTOMER, "paused");
      await expect(harness.transport.sendPresence("0123456789", "composing")).rejects.toBeInstanceOf(InvalidRecipientError);
      expect(harness.presences()).toEqual([
        { to: CUSTOMER, state: "composing" },
        { to: CUSTOMER, state: "paused" },
      ]);
      expect(harness.transmittedCount()).toBe(0);
    });

    it("reads the account's limits: none by default, then what WhatsApp announced", async () => {
      harness = await makeHarness();
      await expect(harness.transport.accountLimits()).rejects.toBeInstanceOf(TransportNotOpenError);
      await harness.transport.connect();
      expect(await harness.transport.accountLimits()).toMatchObject({ reachoutTimelockUntil: null, newChatMessageCap: null });
      const announced = recordEvents(harness.transport, "limits");
      const until = new Date(Date.now() + 3 * 3_600_000).toISOString();
      await harness.announceLimits({ reachoutTimelockUntil: until, newChatMessageCap: 50 });
      const merged = Object.assign({}, ...announced);
      expect(merged).toMatchObject({ reachoutTimelockUntil: until, newChatMessageCap: 50 });
      expect(await harness.transport.accountLimits()).toMatchObject({ reachoutTimelockUntil: until, newChatMessageCap: 50 });
      await harness.announceLimits({ reachoutTimelockUntil: null, newChatMessageCap: 50 });
      expect(announced.at(-1)?.reachoutTimelockUntil ?? null).toBeNull();
      expect((await harness.transport.accountLimits()).reachoutTimelockUntil).toBeNull();
    });

    it.each([
      [463, "account_restricted"],
      [401, "unauthorized"],
      [403, "forbidden"],
    ] as const)("a send refused with %s fails as a typed %s error, and a retry sends", async (statusCode, code) => {
      const { transport, transmittedCount, refuseNextSend } = await connected();
      refuseNextSend(statusCode);
      const refused = await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "camp-1" }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TransportSendError);
      expect(refused).toMatchObject({ statusCode, code });
      expect(transmittedCount()).toBe(0);
      await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "camp-1" });
      expect(transmittedCount()).toBe(1);
    });

    it("a message refused in WhatsApp's acknowledgement is reported with its code", async () => {
      const { transport, refuseAck } = await connected();
      const failures = recordEvents(transport, "sendFailed");
      const { messageId } = await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "camp-2" });
      await refuseAck(messageId, 463);
      expect(failures).toEqual([expect.objectContaining({ messageId, to: CUSTOMER, statusCode: 463, code: "account_restricted" })]);
    });

    it("disconnect() closes on purpose, without reconnecting, and sends are refused after", async () => {
      const { transport, transmittedCount } = await connected();
      const states = recordEvents(transport, "connection");
      await transport.disconnect();
      expect(transport.state).toBe("closed");
      expect(states).toEqual([expect.objectContaining({ state: "closed", reason: "requested", action: "none" })]);
      await expect(transport.sendText(CUSTOMER, "Hi", { idempotencyKey: "late" })).rejects.toBeInstanceOf(
        TransportNotOpenError,
      );
      expect(transmittedCount()).toBe(0);
    });
  });
}
