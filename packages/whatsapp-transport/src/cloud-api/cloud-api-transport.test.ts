import { afterEach, describe, expect, it } from "vitest";
import { TransportSendError, TransportStoppedError } from "../errors.js";
import { recordEvents } from "../contract/harness.js";
import { cloudApiHarness } from "../testing/cloud-harness.js";
import { startFakeGraphApi, type FakeGraphApi } from "../testing/fake-graph-api.js";
import { CloudApiTransport } from "./cloud-api-transport.js";

const CUSTOMER = "+60123456789";
const fakes: FakeGraphApi[] = [];
const transports: CloudApiTransport[] = [];

async function fakeApi(): Promise<FakeGraphApi> {
  const fake = await startFakeGraphApi();
  fakes.push(fake);
  return fake;
}

function transportFor(fake: FakeGraphApi, overrides: Partial<ConstructorParameters<typeof CloudApiTransport>[0]> = {}): CloudApiTransport {
  const transport = new CloudApiTransport({ ...fake.config(), schedule: () => () => undefined, ...overrides });
  transports.push(transport);
  return transport;
}

afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.disconnect();
  for (const fake of fakes.splice(0)) await fake.close();
});

describe("CloudApiTransport.connect", () => {
  it("a refused access token (190) stops for good with an alert naming the access token", async () => {
    const fake = await fakeApi();
    const transport = transportFor(fake, { accessToken: "expired-token" });
    const alerts = recordEvents(transport, "alert");
    const states = recordEvents(transport, "connection");
    await expect(transport.connect()).rejects.toBeInstanceOf(TransportStoppedError);
    expect(alerts).toEqual([expect.objectContaining({ kind: "accessTokenRejected", message: expect.stringMatching(/access token/) })]);
    expect(states.at(-1)).toMatchObject({ state: "closed", reason: "accessTokenRejected", action: "stop", statusCode: 401 });
  });

  it("an unknown phone number id (100) stops with an alert naming the phone number id", async () => {
    const fake = await fakeApi();
    const transport = transportFor(fake, { phoneNumberId: "123456789012345" });
    const alerts = recordEvents(transport, "alert");
    await expect(transport.connect()).rejects.toThrow(/phone number id 123456789012345/);
    expect(alerts[0]).toMatchObject({ kind: "phoneNumberNotFound" });
  });

  it("Meta unreachable: closed with a retry scheduled, then open once it answers", async () => {
    const fake = await fakeApi();
    const retries: (() => void)[] = [];
    const transport = transportFor(fake, { schedule: (run) => (retries.push(run), () => undefined), backoff: { random: () => 0.5 } });
    const states = recordEvents(transport, "connection");
    fake.failNext(1, { endpoint: "phone", httpStatus: 500 });
    const opened = transport.connect();
    await expect.poll(() => retries.length).toBe(1);
    expect(states.at(-1)).toMatchObject({ state: "closed", reason: "unavailableService", action: "reconnect", retryInMs: 500 });
    retries[0]!();
    await opened;
    expect(transport.state).toBe("open");
    expect(transport.phoneNumber).toMatchObject({ messagingLimitTier: "TIER_250", qualityRating: "GREEN", verifiedName: "Voltura Repair" });
  });

  it("refuses a config with a missing or malformed value, naming it", () => {
    expect(() => new CloudApiTransport({ phoneNumberId: "abc", wabaId: "200000000000001", accessToken: "t" })).toThrow(/phoneNumberId/);
    expect(() => new CloudApiTransport({ phoneNumberId: "100000000000001", wabaId: "", accessToken: "t" })).toThrow(/wabaId/);
    expect(() => new CloudApiTransport({ phoneNumberId: "100000000000001", wabaId: "200000000000001", accessToken: " " })).toThrow(/accessToken/);
  });
});

describe("CloudApiTransport sends", () => {
  it("uploads media bytes (multipart) and sends them by id; a URL is sent as a link", async () => {
    const { transport, fake, dispose } = await cloudApiHarness();
    fake.openWindow(CUSTOMER);
    await transport.connect();
    const bytes = new Uint8Array([37, 80, 68, 70, 45]);
    await transport.sendMedia(CUSTOMER, { kind: "document", data: bytes, mimeType: "application/pdf", fileName: "sebut-harga.pdf", caption: "Sebut harga" }, { idempotencyKey: "m1" });
    await transport.sendMedia(CUSTOMER, { kind: "image", url: "https://shop.example/p.jpg", caption: "Gambar" }, { idempotencyKey: "m2" });
    const [document, image] = fake.sent;
    const stored = fake.media.get(document!.media!.id!);
    expect(stored).toMatchObject({ mimeType: "application/pdf", fileName: "sebut-harga.pdf" });
    expect([...stored!.bytes]).toEqual([...bytes]);
    expect(document!.media).toMatchObject({ kind: "document", caption: "Sebut harga", filename: "sebut-harga.pdf" });
    expect(image!.media).toEqual({ kind: "image", link: "https://shop.example/p.jpg", caption: "Gambar" });
    await dispose!();
  });

  it("sends a template with header and body parameters as components", async () => {
    const { transport, fake, dispose } = await cloudApiHarness();
    await fake.approveTemplate("quote_sent", "en", "Quote for {{1}}: {{2}}");
    await transport.connect();
    await transport.sendTemplate(
      CUSTOMER,
      { name: "quote_sent", language: "en", bodyParams: ["J-7", "RM 350"], headerMedia: { kind: "document", url: "https://shop.example/q.pdf" } },
      { idempotencyKey: "t1" },
    );
    expect(fake.sent[0]!.body.template).toEqual({
      name: "quote_sent",
      language: { code: "en" },
      components: [
        { type: "header", parameters: [{ type: "document", document: { link: "https://shop.example/q.pdf" } }] },
        { type: "body", parameters: [{ type: "text", text: "J-7" }, { type: "text", text: "RM 350" }] },
      ],
    });
    expect(fake.sent[0]!.text).toBe("Quote for J-7: RM 350");
    await dispose!();
  });

  it("an unknown or unapproved template is template_rejected (132001)", async () => {
    const { transport, fake, dispose } = await cloudApiHarness();
    await fake.setTemplateStatus("promo", "ms", "PENDING");
    await transport.connect();
    const refused = await transport.sendTemplate(CUSTOMER, { name: "promo", language: "ms", bodyParams: [] }, { idempotencyKey: "t2" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "template_rejected", errorCode: 132001, retryable: false });
    await dispose!();
  });

  it("rate limits are retryable failures: 131056 pair rate, 130429 throughput", async () => {
    const { transport, fake, dispose } = await cloudApiHarness();
    fake.openWindow(CUSTOMER);
    await transport.connect();
    fake.failNext(131056);
    fake.failNext(130429);
    const pair = await transport.sendText(CUSTOMER, "a", { idempotencyKey: "r1" }).catch((e: unknown) => e);
    const throughput = await transport.sendText(CUSTOMER, "a", { idempotencyKey: "r1" }).catch((e: unknown) => e);
    expect(pair).toBeInstanceOf(TransportSendError);
    expect(pair).toMatchObject({ code: "pair_rate_limited", retryable: true, errorCode: 131056 });
    expect(throughput).toMatchObject({ code: "throughput_limited", retryable: true, statusCode: 429 });
    await transport.sendText(CUSTOMER, "a", { idempotencyKey: "r1" });
    expect(fake.sent).toHaveLength(1);
    await dispose!();
  });

  it("sends the correlationId as biz_opaque_callback_data, and receipts / failures carry it back", async () => {
    const { transport, fake, ingestSigned, dispose } = await cloudApiHarness();
    fake.openWindow(CUSTOMER);
    await transport.connect();
    const receipts = recordEvents(transport, "receipt");
    const failures = recordEvents(transport, "sendFailed");
    const { messageId } = await transport.sendText(CUSTOMER, "Siap", { idempotencyKey: "c1", correlationId: "wamsg_01JX" });
    expect(fake.sent[0]!.body.biz_opaque_callback_data).toBe("wamsg_01JX");
    ingestSigned(await fake.deliverStatus(messageId, "sent"));
    ingestSigned(await fake.deliverStatus(messageId, "failed", { error: { code: 131026 } }));
    expect(receipts[0]).toMatchObject({ messageId, status: "sent", correlationId: "wamsg_01JX" });
    expect(failures[0]).toMatchObject({ messageId, code: "recipient_unavailable", errorCode: 131026, errorTitle: "Message Undeliverable", correlationId: "wamsg_01JX" });
    await dispose!();
  });

  it("statuses out of order: read before delivered gives one read receipt; a repeated webhook changes nothing", async () => {
    const { transport, fake, ingestSigned, dispose } = await cloudApiHarness();
    fake.openWindow(CUSTOMER);
    await transport.connect();
    const receipts = recordEvents(transport, "receipt");
    const { messageId } = await transport.sendText(CUSTOMER, "Siap", { idempotencyKey: "o1" });
    const read = await fake.deliverStatus(messageId, "read");
    ingestSigned(read);
    ingestSigned(await fake.deliverStatus(messageId, "delivered"));
    ingestSigned(read);
    expect(receipts.map((receipt) => receipt.status)).toEqual(["read"]);
    await dispose!();
  });

  it("ignores a webhook for another phone number", async () => {
    const { transport, dispose } = await cloudApiHarness();
    const other = await startFakeGraphApi({ phoneNumberId: "100000000000999" });
    fakes.push(other);
    const messages = recordEvents(transport, "message");
    const webhook = await other.deliverInbound({ from: CUSTOMER, text: "Hai" });
    const { parseCloudWebhook } = await import("./parse-webhook.js");
    expect(transport.ingest(parseCloudWebhook(JSON.parse(webhook.body)))).toBe(false);
    expect(messages).toEqual([]);
    await dispose!();
  });

  it("composing marks the customer's last message read with the typing indicator; without one, and for paused, nothing is sent", async () => {
    const { transport, fake, deliverInbound, dispose } = await cloudApiHarness();
    await transport.connect();
    await transport.sendPresence(CUSTOMER, "composing");
    expect(fake.reads).toEqual([]);
    await deliverInbound({ id: "wamid.IN1", from: CUSTOMER, text: "Hai" });
    await deliverInbound({ id: "wamid.IN2", from: CUSTOMER, text: "Ada?" });
    await transport.sendPresence(CUSTOMER, "composing");
    await transport.sendPresence(CUSTOMER, "paused");
    expect(fake.reads).toEqual([expect.objectContaining({ messageId: "wamid.IN2", from: CUSTOMER, typing: true })]);
    expect(fake.sent[0]).toBeUndefined();
    await dispose!();
  });

  it("rememberInbound gives composing a message id when the webhook was handled without ingest()", async () => {
    const { transport, fake, dispose } = await cloudApiHarness();
    await transport.connect();
    const { messageId } = await fake.deliverInbound({ from: CUSTOMER, text: "Hai" });
    transport.rememberInbound(CUSTOMER, messageId);
    await transport.sendPresence(CUSTOMER, "composing");
    expect(fake.reads).toEqual([expect.objectContaining({ messageId, typing: true })]);
    await dispose!();
  });

  it("markRead of an unknown message is reported as an error event, not thrown", async () => {
    const { transport, dispose } = await cloudApiHarness();
    await transport.connect();
    const errors = recordEvents(transport, "error");
    await transport.markRead(CUSTOMER, "wamid.NEVER");
    expect(errors[0]?.message).toMatch(/wamid.NEVER/);
    await dispose!();
  });
});
