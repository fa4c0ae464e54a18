import { expect, it } from "vitest";
import { TransportCapabilityError, TransportNotOpenError, TransportSendError } from "../errors.js";
import type { E164, TemplateMessage } from "../types.js";
import { CUSTOMER, recordEvents, required, type ContractContext } from "./harness.js";

/** A customer who has never written to the shop. */
const COLD: E164 = "+60198765432";

const JOB_READY: TemplateMessage = { name: "job_ready", language: "ms", bodyParams: ["Aisyah", "J-1042"] };
const JOB_READY_BODY = "Hai {{1}}, telefon anda ({{2}}) sudah siap untuk diambil.";

/** Cases whose expectations follow `transport.capabilities`: every adapter runs each of them, one way or the other. */
export function registerCapabilityCases(context: ContractContext): void {
  it("message ids: honours a caller-chosen id only with capabilities.callerMessageIds, and receipts follow the returned id", async () => {
    const { transport, deliverReceipt } = await context.connected();
    const receipts = recordEvents(transport, "receipt");
    const chosen = "3EB0CAFEBABE00112233";
    const { messageId } = await transport.sendText(CUSTOMER, "Resit anda", { idempotencyKey: "ids-1", messageId: chosen });
    if (transport.capabilities.callerMessageIds) expect(messageId).toBe(chosen);
    else expect(messageId).not.toBe(chosen);
    await deliverReceipt(messageId, "delivered");
    expect(receipts.map((receipt) => [receipt.messageId, receipt.status])).toEqual([[messageId, "delivered"]]);
  });

  it("markRead sends a read mark for a received message, only while open, and it is not a message", async () => {
    const harness = await context.fresh();
    await expect(harness.transport.markRead(CUSTOMER, "WAID-READ")).rejects.toBeInstanceOf(TransportNotOpenError);
    await harness.transport.connect();
    await harness.deliverInbound({ id: "WAID-READ", from: CUSTOMER, text: "Bila siap?" });
    await harness.transport.markRead(CUSTOMER, "WAID-READ");
    expect(harness.readMarks()).toEqual([{ from: CUSTOMER, messageId: "WAID-READ" }]);
    expect(harness.transmittedCount()).toBe(0);
  });

  it("templates: sent with their parameters once per idempotency key (capabilities.templates), else refused as a capability error", async () => {
    const harness = await context.connected();
    const { transport } = harness;
    if (!transport.capabilities.templates) {
      const refused = await transport.sendTemplate(CUSTOMER, JOB_READY, { idempotencyKey: "tpl-0" }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TransportCapabilityError);
      expect(harness.transmittedCount()).toBe(0);
      return;
    }
    await required(harness.approveTemplate, "approveTemplate()")("job_ready", "ms", JOB_READY_BODY);
    const receipts = recordEvents(transport, "receipt");
    const first = await transport.sendTemplate(CUSTOMER, JOB_READY, { idempotencyKey: "tpl-1" });
    const again = await transport.sendTemplate(CUSTOMER, JOB_READY, { idempotencyKey: "tpl-1" });
    expect(again.messageId).toBe(first.messageId);
    expect(harness.transmittedCount()).toBe(1);
    expect(harness.lastTransmittedText()).toBe("Hai Aisyah, telefon anda (J-1042) sudah siap untuk diambil.");
    await harness.deliverReceipt(first.messageId, "read");
    expect(receipts.map((receipt) => [receipt.messageId, receipt.status, receipt.to])).toEqual([[first.messageId, "read", CUSTOMER]]);
  });

  it("templates: a parameter count that does not match the template is refused as template_rejected", async () => {
    const harness = await context.connected();
    if (!harness.transport.capabilities.templates) return expect(harness.approveTemplate).toBeUndefined();
    await required(harness.approveTemplate, "approveTemplate()")("job_ready", "ms", JOB_READY_BODY);
    const refused = await harness.transport
      .sendTemplate(CUSTOMER, { ...JOB_READY, bodyParams: ["Aisyah"] }, { idempotencyKey: "tpl-2" })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportSendError);
    expect(refused).toMatchObject({ code: "template_rejected", retryable: false });
    expect(harness.transmittedCount()).toBe(0);
  });

  it("service window: free text to a customer who has not written in 24 h is refused as outside_window, a template goes (capabilities.serviceWindow); without a window anyone can be written to", async () => {
    const harness = await context.connected();
    const { transport } = harness;
    if (!transport.capabilities.serviceWindow) {
      await transport.sendText(COLD, "Promosi skrin", { idempotencyKey: "cold-1" });
      expect(harness.transmittedCount()).toBe(1);
      return;
    }
    required(harness.closeWindow, "closeWindow()")(COLD);
    const refused = await transport.sendText(COLD, "Promosi skrin", { idempotencyKey: "cold-1" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportSendError);
    expect(refused).toMatchObject({ code: "outside_window", retryable: false });
    expect((refused as Error).message).toMatch(/approved template/);
    expect(harness.transmittedCount()).toBe(0);
    await required(harness.approveTemplate, "approveTemplate()")("job_ready", "ms", JOB_READY_BODY);
    await transport.sendTemplate(COLD, JOB_READY, { idempotencyKey: "cold-2" });
    expect(harness.transmittedCount()).toBe(1);
    await harness.deliverInbound({ id: "WAID-COLD", from: COLD, text: "Berapa harga?" });
    await transport.sendText(COLD, "RM 350 untuk skrin", { idempotencyKey: "cold-3" });
    expect(harness.transmittedCount()).toBe(2);
  });
}
