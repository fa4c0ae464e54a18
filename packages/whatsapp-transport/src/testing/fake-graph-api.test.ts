import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CloudApiTransport } from "../cloud-api/cloud-api-transport.js";
import { parseCloudWebhook } from "../cloud-api/parse-webhook.js";
import { verifyWebhookSignature } from "../cloud-api/webhook-signature.js";
import { startFakeGraphApi, type FakeGraphApi, type FakeGraphApiOptions } from "./fake-graph-api.js";

const CUSTOMER = "+60123456789";

interface Received {
  body: string;
  signature: string | undefined;
}

let receiver: Server | undefined;
let fake: FakeGraphApi | undefined;

async function startReceiver(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: request.headers["x-hub-signature-256"] as string | undefined });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/whatsapp/cloud`, received };
}

async function sendOne(options: FakeGraphApiOptions): Promise<string> {
  fake = await startFakeGraphApi(options);
  fake.openWindow(CUSTOMER);
  const transport = new CloudApiTransport(fake.config());
  await transport.connect();
  const { messageId } = await transport.sendText(CUSTOMER, "Siap", { idempotencyKey: "k", correlationId: "row-1" });
  await fake.idle();
  await transport.disconnect();
  return messageId;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = undefined;
});

describe("fake Graph API: automatic status webhooks", () => {
  it("POSTs signed sent, then delivered webhooks carrying the wamid and the correlation id", async () => {
    const { url, received } = await startReceiver();
    const messageId = await sendOne({ webhookUrl: url, appSecret: "s3cret" });
    expect(received.every((delivery) => verifyWebhookSignature(delivery.body, delivery.signature, "s3cret"))).toBe(true);
    const receipts = received.flatMap((delivery) => parseCloudWebhook(JSON.parse(delivery.body)).receipts);
    expect(receipts.map((receipt) => [receipt.messageId, receipt.status, receipt.correlationId])).toEqual([
      [messageId, "sent", "row-1"],
      [messageId, "delivered", "row-1"],
    ]);
    expect(fake!.webhookDeliveries.map((delivery) => delivery.httpStatus)).toEqual([200, 200]);
  });

  it("can deliver each webhook twice and newest first (delivered before sent)", async () => {
    const { url, received } = await startReceiver();
    await sendOne({ webhookUrl: url, duplicateWebhooks: true, outOfOrder: true });
    const statuses = received.flatMap((delivery) => parseCloudWebhook(JSON.parse(delivery.body)).receipts.map((receipt) => receipt.status));
    expect(statuses).toEqual(["delivered", "delivered", "sent", "sent"]);
    expect(received[0]!.body).toBe(received[1]!.body);
  });

  it("windowRefusal failedStatus: free text outside the window is accepted, then fails by webhook with 131047", async () => {
    const { url, received } = await startReceiver();
    fake = await startFakeGraphApi({ webhookUrl: url, windowRefusal: "failedStatus" });
    const transport = new CloudApiTransport(fake.config());
    await transport.connect();
    const { messageId } = await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "k", correlationId: "row-2" });
    await fake.idle();
    await transport.disconnect();
    expect(fake.sent).toEqual([expect.objectContaining({ wamid: messageId, failedWith: 131047 })]);
    const failures = received.flatMap((delivery) => parseCloudWebhook(JSON.parse(delivery.body)).failures);
    expect(failures).toEqual([expect.objectContaining({ messageId, code: "outside_window", errorCode: 131047, correlationId: "row-2" })]);
    expect(received.flatMap((delivery) => parseCloudWebhook(JSON.parse(delivery.body)).receipts)).toEqual([]);
  });

  it("records a delivery the receiver did not take, without failing the send", async () => {
    await sendOne({ webhookUrl: "http://127.0.0.1:9/unreachable", autoStatuses: ["sent"] });
    expect(fake!.sent).toHaveLength(1);
    expect(fake!.webhookDeliveries).toEqual([expect.objectContaining({ httpStatus: null, error: expect.any(String) })]);
  });
});

describe("fake Graph API: rules", () => {
  it("the window lasts 24 h from the customer's last message", async () => {
    let now = new Date("2026-12-07T02:00:00Z");
    fake = await startFakeGraphApi({ now: () => now });
    await fake.deliverInbound({ from: CUSTOMER, text: "Hai" });
    now = new Date(now.getTime() + 23 * 3_600_000);
    expect(fake.isWindowOpen(CUSTOMER)).toBe(true);
    now = new Date(now.getTime() + 2 * 3_600_000);
    expect(fake.isWindowOpen(CUSTOMER)).toBe(false);
  });

  it("answers Meta's error bodies: 190 for a wrong token, 100 for an unknown object, 131047 outside the window", async () => {
    fake = await startFakeGraphApi();
    const call = (path: string, token: string, body?: unknown) =>
      fetch(`${fake!.url}/v21.0/${path}`, {
        method: body ? "POST" : "GET",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { error: Record<string, unknown> } }));
    const wrongToken = await call(fake.phoneNumberId, "nope");
    expect(wrongToken).toMatchObject({ status: 401, body: { error: { code: 190, type: "OAuthException" } } });
    expect(wrongToken.body.error.fbtrace_id).toEqual(expect.any(String));
    expect(await call("999", fake.accessToken)).toMatchObject({ status: 400, body: { error: { code: 100, error_subcode: 33 } } });
    const closed = await call(`${fake.phoneNumberId}/messages`, fake.accessToken, { messaging_product: "whatsapp", to: "60123456789", type: "text", text: { body: "x" } });
    expect(closed).toMatchObject({ status: 400, body: { error: { code: 131047, message: "(#131047) Re-engagement message", error_data: { details: expect.stringMatching(/24 hours/) } } } });
    expect(fake.sent).toEqual([]);
  });
});
