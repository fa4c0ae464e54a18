import { describe, expect, it } from "vitest";
import { recordEvents } from "../contract/index.js";
import { InvalidRecipientError, TransportStoppedError } from "../errors.js";
import { SimulatorTransport } from "./simulator-transport.js";

const fixedNow = () => new Date("2026-11-24T02:00:00.000Z");

async function openSimulator(): Promise<SimulatorTransport> {
  const transport = new SimulatorTransport({ now: fixedNow });
  await transport.connect();
  return transport;
}

describe("SimulatorTransport", () => {
  it("lets staff act as a customer typed the local way", async () => {
    const transport = await openSimulator();
    const messages = recordEvents(transport, "message");
    const message = transport.simulateInbound("012-345 6789", "Bile phone saya siap?", { pushName: "Aisyah" });
    expect(message).toMatchObject({ from: "+60123456789", text: "Bile phone saya siap?", pushName: "Aisyah" });
    expect(message?.timestamp).toBe("2026-11-24T02:00:00.000Z");
    expect(messages).toEqual([message]);
    expect(() => transport.simulateInbound("12345", "hi")).toThrow(InvalidRecipientError);
  });

  it("returns null for a re-delivered id and emits it once", async () => {
    const transport = await openSimulator();
    const messages = recordEvents(transport, "message");
    expect(transport.simulateInbound("+60123456789", "ok", { id: "A1" })).not.toBeNull();
    expect(transport.simulateInbound("+60123456789", "ok", { id: "A1" })).toBeNull();
    expect(messages).toHaveLength(1);
  });

  it("sends under a chosen message id and reports every transmission on the wire hook", async () => {
    const wire: string[] = [];
    const transport = new SimulatorTransport({ now: fixedNow, onTransmit: (entry) => wire.push(entry.messageId) });
    await transport.connect();
    const { messageId } = await transport.sendText("+60123456789", "Siap", { idempotencyKey: "k", messageId: "VSHAAAABBBBCCCC" });
    await transport.sendText("+60123456789", "Siap", { idempotencyKey: "k", messageId: "VSHAAAABBBBCCCC" });
    expect(messageId).toBe("VSHAAAABBBBCCCC");
    expect(wire).toEqual(["VSHAAAABBBBCCCC"]);
  });

  it("records outbound messages and steps receipts on demand", async () => {
    const transport = await openSimulator();
    const receipts = recordEvents(transport, "receipt");
    const { messageId } = await transport.sendText("+60123456789", "Phone anda sudah siap", { idempotencyKey: "k1" });
    expect(transport.sentMessages()).toEqual([
      { messageId, to: "+60123456789", text: "Phone anda sudah siap", status: "pending", sentAt: "2026-11-24T02:00:00.000Z" },
    ]);
    expect([transport.advanceReceipt(messageId), transport.advanceReceipt(messageId), transport.advanceReceipt(messageId)]).toEqual([
      "sent",
      "delivered",
      "read",
    ]);
    expect(transport.advanceReceipt(messageId)).toBeNull();
    expect(transport.simulateReceipt(messageId, "delivered")).toBe(false);
    expect(receipts.map((receipt) => receipt.status)).toEqual(["sent", "delivered", "read"]);
    expect(transport.sentMessages()[0]!.status).toBe("read");
    expect(() => transport.advanceReceipt("nope")).toThrow(/never sent/);
  });

  it("records media without keeping the bytes, and keeps a per-phone transcript", async () => {
    const transport = await openSimulator();
    transport.simulateInbound("+60123456789", "Boleh hantar quote?");
    transport.simulateInbound("+60198765432", "Hello");
    await transport.sendMedia(
      "+60123456789",
      { kind: "document", data: new Uint8Array(10), mimeType: "application/pdf", fileName: "quote.pdf", caption: "Quote anda" },
      { idempotencyKey: "quote" },
    );
    const transcript = transport.conversationWith("012-345 6789");
    expect(transcript.map((entry) => entry.direction)).toEqual(["in", "out"]);
    expect(transcript[1]!.message).toMatchObject({
      text: "Quote anda",
      media: { kind: "document", mimeType: "application/pdf", fileName: "quote.pdf", sizeBytes: 10 },
    });
  });

  it("can require pairing: shows a code and opens when staff pairs", async () => {
    const transport = new SimulatorTransport({ requirePairing: true });
    const codes = recordEvents(transport, "qr");
    const connecting = transport.connect();
    expect(transport.state).toBe("connecting");
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^SIM-PAIR-/);
    transport.simulatePairing();
    await connecting;
    expect(transport.state).toBe("open");
  });

  it("a disconnect while waiting for pairing rejects connect()", async () => {
    const transport = new SimulatorTransport({ requirePairing: true });
    const connecting = transport.connect();
    await transport.disconnect();
    await expect(connecting).rejects.toBeInstanceOf(TransportStoppedError);
  });

  it("simulates drops with the reconnect policy's verdict", async () => {
    const transport = await openSimulator();
    const states = recordEvents(transport, "connection");
    const alerts = recordEvents(transport, "alert");
    await transport.simulateDisconnect("connectionLost");
    expect(states.map((event) => event.state)).toEqual(["closed", "connecting", "open"]);
    expect(states[0]).toMatchObject({ reason: "connectionLost", action: "reconnect", retryInMs: 0 });
    await transport.simulateDisconnect("connectionReplaced");
    expect(transport.state).toBe("closed");
    expect(alerts.map((alert) => alert.kind)).toEqual(["connectionReplaced"]);
    await transport.simulateDisconnect("loggedOut");
    expect(alerts.map((alert) => alert.kind)).toEqual(["connectionReplaced", "pairingRequired"]);
    const codes = recordEvents(transport, "qr");
    void transport.connect();
    expect(codes).toHaveLength(1);
  });
});
