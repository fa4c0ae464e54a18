import { describe, expect, it } from "vitest";
import {
  inboundWebhookPayload,
  qualityWebhookPayload,
  restrictionWebhookPayload,
  statusWebhookPayload,
  templateStatusWebhookPayload,
  type WebhookIdentity,
} from "../testing/fake-graph-payloads.js";
import { CloudWebhookPayloadError, parseCloudWebhook, webhookEventKeys } from "./parse-webhook.js";

const ID: WebhookIdentity = { wabaId: "200000000000001", phoneNumberId: "100000000000001", displayPhoneNumber: "60390000000" };
const AT = new Date("2026-12-07T02:00:00Z");

describe("parseCloudWebhook: inbound", () => {
  it("reads a text with the sender's profile name, E.164 phone and the message's own time", () => {
    const events = parseCloudWebhook(inboundWebhookPayload(ID, { id: "wamid.A1", from: "60123456789", text: "Skrin pecah", name: "Aisyah" }, AT));
    expect(events).toMatchObject({ phoneNumberId: ID.phoneNumberId, wabaId: ID.wabaId, displayPhoneNumber: ID.displayPhoneNumber, dropped: [] });
    expect(events.inbound).toEqual([{ id: "wamid.A1", from: "+60123456789", text: "Skrin pecah", pushName: "Aisyah", timestamp: AT.toISOString() }]);
  });

  it.each(["image", "video", "audio", "document", "sticker"] as const)("reads %s media with its id, type and caption", (kind) => {
    const media = { kind, id: "900000000000042", mimeType: "application/pdf", caption: "Resit", fileName: "resit.pdf" };
    const [message] = parseCloudWebhook(inboundWebhookPayload(ID, { id: `wamid.${kind}`, from: "60123456789", media }, AT)).inbound;
    expect(message).toMatchObject({ text: "Resit", media: { kind, mediaId: "900000000000042", mimeType: "application/pdf", fileName: "resit.pdf" } });
  });

  it("reads button and list replies, and a template's quick-reply button, as a reply whose title is the text", () => {
    const button = parseCloudWebhook(inboundWebhookPayload(ID, { id: "wamid.B", from: "60123456789", reply: { id: "approve_quote", title: "Setuju" } }, AT));
    const list = parseCloudWebhook(inboundWebhookPayload(ID, { id: "wamid.L", from: "60123456789", reply: { id: "slot_2", title: "Esok 2pm", list: true } }, AT));
    const quick = parseCloudWebhook(inboundWebhookPayload(ID, { id: "wamid.Q", from: "60123456789", reply: { id: "STOP", title: "Berhenti", template: true } }, AT));
    expect(button.inbound[0]).toMatchObject({ text: "Setuju", reply: { id: "approve_quote", title: "Setuju" } });
    expect(list.inbound[0]).toMatchObject({ text: "Esok 2pm", reply: { id: "slot_2", title: "Esok 2pm" } });
    expect(quick.inbound[0]).toMatchObject({ text: "Berhenti", reply: { id: "STOP", title: "Berhenti" } });
  });

  it("lists unsupported message types as dropped instead of failing the delivery", () => {
    const payload = inboundWebhookPayload(ID, { id: "wamid.R", from: "60123456789", text: "x" }, AT);
    const value = payload.entry[0]!.changes[0]!.value as { messages: Record<string, unknown>[] };
    value.messages.push({ from: "60123456789", id: "wamid.R2", timestamp: "1765072800", type: "reaction", reaction: { emoji: "👍" } });
    const events = parseCloudWebhook(payload);
    expect(events.inbound.map((message) => message.id)).toEqual(["wamid.R"]);
    expect(events.dropped).toEqual(["message wamid.R2: type reaction is not handled"]);
  });
});

describe("parseCloudWebhook: statuses", () => {
  it("reads sent / delivered / read with the recipient and biz_opaque_callback_data as correlationId", () => {
    const events = parseCloudWebhook(statusWebhookPayload(ID, { wamid: "wamid.S", status: "delivered", to: "60123456789", correlationId: "wamsg_01" }, AT));
    expect(events.receipts).toEqual([
      { messageId: "wamid.S", status: "delivered", to: "+60123456789", correlationId: "wamsg_01", timestamp: AT.toISOString() },
    ]);
    expect(events.failures).toEqual([]);
  });

  it("reads a failed status with WhatsApp's error code and title, mapped to a failure code", () => {
    const events = parseCloudWebhook(statusWebhookPayload(ID, { wamid: "wamid.F", status: "failed", to: "60123456789", error: { code: 131047 } }, AT));
    expect(events.failures).toEqual([
      { messageId: "wamid.F", to: "+60123456789", code: "outside_window", errorCode: 131047, errorTitle: "Re-engagement message", timestamp: AT.toISOString() },
    ]);
  });

  it("keeps the order Meta delivered them in (read before delivered): moving forward only is the receiver's rule", () => {
    const read = statusWebhookPayload(ID, { wamid: "wamid.O", status: "read", to: "60123456789" }, AT);
    const delivered = statusWebhookPayload(ID, { wamid: "wamid.O", status: "delivered", to: "60123456789" }, AT);
    const combined = { ...read, entry: [...read.entry, ...delivered.entry] };
    expect(parseCloudWebhook(combined).receipts.map((receipt) => receipt.status)).toEqual(["read", "delivered"]);
  });
});

describe("parseCloudWebhook: account updates", () => {
  it("reads the tier and a FLAGGED quality from phone_number_quality_update", () => {
    const events = parseCloudWebhook(qualityWebhookPayload(ID, "TIER_1K", "RED", AT));
    expect(events.limits).toEqual({ messagingLimitTier: "TIER_1K", qualityRating: "RED", timestamp: AT.toISOString() });
    expect(events.phoneNumberId).toBeNull();
    expect(events.wabaId).toBe(ID.wabaId);
  });

  it("reads a business-initiated restriction (account_update) as a reach-out timelock, and its lifting as null", () => {
    const until = new Date("2026-12-08T00:00:00Z");
    expect(parseCloudWebhook(restrictionWebhookPayload(ID, until, AT)).limits).toMatchObject({ reachoutTimelockUntil: until.toISOString() });
    expect(parseCloudWebhook(restrictionWebhookPayload(ID, null, AT)).limits).toMatchObject({ reachoutTimelockUntil: null });
  });

  it("reads template status updates, folding REINSTATED into APPROVED and keeping the reason", () => {
    const rejected = parseCloudWebhook(templateStatusWebhookPayload(ID, { id: "77", name: "pickup_day1", language: "ms", status: "REJECTED", reason: "INVALID_FORMAT" }, AT));
    const reinstated = parseCloudWebhook(templateStatusWebhookPayload(ID, { id: "77", name: "pickup_day1", language: "ms", status: "REINSTATED" }, AT));
    expect(rejected.templateStatuses).toEqual([
      { name: "pickup_day1", language: "ms", status: "REJECTED", event: "REJECTED", reason: "INVALID_FORMAT", templateId: "77", timestamp: AT.toISOString() },
    ]);
    expect(reinstated.templateStatuses[0]).toMatchObject({ status: "APPROVED", event: "REINSTATED" });
  });
});

describe("parseCloudWebhook: de-duplication support", () => {
  it("gives the same events (and keys) for a repeated delivery, so the receiver can drop the repeat", () => {
    const payload = statusWebhookPayload(ID, { wamid: "wamid.D", status: "sent", to: "60123456789" }, AT);
    const inbound = inboundWebhookPayload(ID, { id: "wamid.I", from: "60123456789", text: "Hai" }, AT);
    const later = new Date(AT.getTime() + 60_000);
    expect(parseCloudWebhook(JSON.parse(JSON.stringify(payload)), { receivedAt: later })).toEqual(parseCloudWebhook(payload));
    expect(parseCloudWebhook(inbound)).toEqual(parseCloudWebhook(JSON.parse(JSON.stringify(inbound))));
    const [receipt] = parseCloudWebhook(payload).receipts;
    expect(webhookEventKeys.status(receipt!)).toBe("status:wamid.D:sent");
    expect(webhookEventKeys.inbound(parseCloudWebhook(inbound).inbound[0]!)).toBe("msg:wamid.I");
    const template = parseCloudWebhook(templateStatusWebhookPayload(ID, { id: "1", name: "t", language: "en", status: "APPROVED" }, AT)).templateStatuses[0]!;
    expect(webhookEventKeys.template(template)).toBe(`tpl:t:en:APPROVED:${AT.toISOString()}`);
  });

  it("throws CloudWebhookPayloadError for something that is not a WhatsApp webhook", () => {
    expect(() => parseCloudWebhook({ object: "page", entry: [] })).toThrow(CloudWebhookPayloadError);
    expect(() => parseCloudWebhook("nonsense")).toThrow(CloudWebhookPayloadError);
  });
});
