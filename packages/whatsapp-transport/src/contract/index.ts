import { afterEach, describe, expect, it } from "vitest";
import { IdempotencyKeyReusedError, InvalidRecipientError, TransportNotOpenError, TransportSendError } from "../errors.js";
import { presenceStates } from "../types.js";
import { registerCapabilityCases } from "./capability-cases.js";
import { CUSTOMER, recordEvents, reachoutLimitsScenario, type ContractContext, type HarnessFactory, type TransportHarness } from "./harness.js";

export * from "./harness.js";

/** The behaviour every WhatsAppTransport adapter must have. Call inside a Vitest test file. */
export function runTransportContract(name: string, makeHarness: HarnessFactory): void {
  describe(`WhatsAppTransport contract: ${name}`, () => {
    const live: TransportHarness[] = [];
    const context: ContractContext = {
      async fresh() {
        const harness = await makeHarness();
        live.push(harness);
        if (harness.transport.capabilities.serviceWindow) {
          if (!harness.openWindow) throw new Error("a harness for an adapter with capabilities.serviceWindow must provide openWindow()");
          harness.openWindow(CUSTOMER);
        }
        return harness;
      },
      async connected() {
        const harness = await context.fresh();
        await harness.transport.connect();
        return harness;
      },
    };

    afterEach(async () => {
      for (const harness of live.splice(0)) await harness.dispose?.();
    });

    it("connect() announces connecting, then resolves with the connection open", async () => {
      const harness = await context.fresh();
      const states = recordEvents(harness.transport, "connection");
      expect(harness.transport.state).toBe("closed");
      await harness.transport.connect();
      expect(harness.transport.state).toBe("open");
      expect(states.map((event) => event.state)).toEqual(["connecting", "open"]);
    });

    it("refuses to send before the connection is open, and sends nothing", async () => {
      const harness = await context.fresh();
      await expect(harness.transport.sendText(CUSTOMER, "Hi", { idempotencyKey: "early" })).rejects.toBeInstanceOf(
        TransportNotOpenError,
      );
      expect(harness.transmittedCount()).toBe(0);
    });

    it("delivers an inbound text once even when the medium emits the same id twice", async () => {
      const { transport, deliverInbound } = await context.connected();
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
      const { transport, deliverReceipt } = await context.connected();
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
      const { transport, deliverReceipt } = await context.connected();
      const receipts = recordEvents(transport, "receipt");
      const { messageId } = await transport.sendText(CUSTOMER, "Quote: RM 350", { idempotencyKey: "quote-1" });
      await deliverReceipt(messageId, "read");
      await deliverReceipt(messageId, "delivered");
      expect(receipts.map((receipt) => receipt.status)).toEqual(["read"]);
    });

    it("a retried send with the same idempotency key returns the first id and sends once", async () => {
      const { transport, transmittedCount } = await context.connected();
      const first = await transport.sendText(CUSTOMER, "Siap!", { idempotencyKey: "job-1:ready" });
      const retry = await transport.sendText(CUSTOMER, "Siap!", { idempotencyKey: "job-1:ready" });
      expect(retry.messageId).toBe(first.messageId);
      expect(transmittedCount()).toBe(1);
      const other = await transport.sendText(CUSTOMER, "Siap!", { idempotencyKey: "job-2:ready" });
      expect(other.messageId).not.toBe(first.messageId);
      expect(transmittedCount()).toBe(2);
    });

    it("concurrent sends with one idempotency key share a single transmission", async () => {
      const { transport, transmittedCount } = await context.connected();
      const results = await Promise.all(
        [1, 2, 3].map(() => transport.sendText(CUSTOMER, "Resit", { idempotencyKey: "receipt-7" })),
      );
      expect(new Set(results.map((result) => result.messageId)).size).toBe(1);
      expect(transmittedCount()).toBe(1);
    });

    it("refuses an idempotency key reused for a different message, and a bad recipient", async () => {
      const { transport, transmittedCount } = await context.connected();
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
      const { transport, transmittedCount } = await context.connected();
      const media = { kind: "document" as const, data: new Uint8Array([37, 80, 68, 70]), mimeType: "application/pdf", fileName: "quote.pdf" };
      const first = await transport.sendMedia(CUSTOMER, media, { idempotencyKey: "quote-pdf" });
      const again = await transport.sendMedia(CUSTOMER, media, { idempotencyKey: "quote-pdf" });
      expect(again.messageId).toBe(first.messageId);
      expect(transmittedCount()).toBe(1);
    });

    it("typing presence goes to the chat only while open, and is not a message", async () => {
      const harness = await context.fresh();
      await expect(harness.transport.sendPresence(CUSTOMER, "composing")).rejects.toBeInstanceOf(TransportNotOpenError);
      await harness.transport.connect();
      // The customer wrote first (the Cloud API's typing indicator answers a received message).
      await harness.deliverInbound({ id: "WAID-TYPING", from: CUSTOMER, text: "Boleh tanya?" });
      await harness.transport.sendPresence(CUSTOMER, "composing");
      await harness.transport.sendPresence(CUSTOMER, "paused");
      await expect(harness.transport.sendPresence("0123456789", "composing")).rejects.toBeInstanceOf(InvalidRecipientError);
      const carried = harness.presenceStatesCarried ?? presenceStates;
      expect(harness.presences()).toEqual(
        (["composing", "paused"] as const).filter((state) => carried.includes(state)).map((state) => ({ to: CUSTOMER, state })),
      );
      expect(harness.transmittedCount()).toBe(0);
    });

    it("reads the account's limits: the defaults, then what WhatsApp announced", async () => {
      const harness = await context.fresh();
      await expect(harness.transport.accountLimits()).rejects.toBeInstanceOf(TransportNotOpenError);
      await harness.transport.connect();
      const until = new Date(Date.now() + 3 * 3_600_000).toISOString();
      const scenario = harness.limitsScenario?.(until) ?? reachoutLimitsScenario(until);
      expect(await harness.transport.accountLimits()).toMatchObject(scenario.initial);
      const announced = recordEvents(harness.transport, "limits");
      await harness.announceLimits(scenario.raise.announce);
      expect(Object.assign({}, ...announced)).toMatchObject(scenario.raise.expect);
      expect(await harness.transport.accountLimits()).toMatchObject(scenario.raise.expect);
      announced.length = 0;
      await harness.announceLimits(scenario.lift.announce);
      expect(Object.assign({}, ...announced)).toMatchObject(scenario.lift.expect);
      expect((await harness.transport.accountLimits()).reachoutTimelockUntil).toBeNull();
      expect(await harness.transport.accountLimits()).toMatchObject(scenario.lift.expect);
    });

    it.each([
      [463, "account_restricted"],
      [401, "unauthorized"],
      [403, "forbidden"],
    ] as const)("a send refused with %s fails as a typed %s error, and a retry sends", async (statusCode, code) => {
      const harness = await context.connected();
      const { transport, transmittedCount, refuseNextSend } = harness;
      refuseNextSend(statusCode);
      const refused = await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "camp-1" }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TransportSendError);
      expect(refused).toMatchObject({ code, retryable: false, ...(harness.refusalFields?.(statusCode) ?? { statusCode }) });
      expect(transmittedCount()).toBe(0);
      await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "camp-1" });
      expect(transmittedCount()).toBe(1);
    });

    it("a message refused in WhatsApp's acknowledgement is reported with its code", async () => {
      const harness = await context.connected();
      const { transport, refuseAck } = harness;
      const failures = recordEvents(transport, "sendFailed");
      const { messageId } = await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "camp-2" });
      await refuseAck(messageId, 463);
      const fields = harness.refusalFields?.(463) ?? { statusCode: 463 };
      expect(failures).toEqual([expect.objectContaining({ messageId, to: CUSTOMER, code: "account_restricted", ...fields })]);
    });

    it("disconnect() closes on purpose, without reconnecting, and sends are refused after", async () => {
      const { transport, transmittedCount } = await context.connected();
      const states = recordEvents(transport, "connection");
      await transport.disconnect();
      expect(transport.state).toBe("closed");
      expect(states).toEqual([expect.objectContaining({ state: "closed", reason: "requested", action: "none" })]);
      await expect(transport.sendText(CUSTOMER, "Hi", { idempotencyKey: "late" })).rejects.toBeInstanceOf(
        TransportNotOpenError,
      );
      expect(transmittedCount()).toBe(0);
    });
    registerCapabilityCases(context);
  });
}
