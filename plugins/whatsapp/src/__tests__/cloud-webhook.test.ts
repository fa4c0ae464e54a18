import { describe, expect, it } from "vitest";
import { cloudFailureError, payloadForSession, verificationChallenge, webhookEventKey, webhookTargets } from "../domain/cloud-webhook";

const change = (pnid: string, value: Record<string, unknown> = {}) => ({ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: pnid }, ...value } });
const delivery = {
  object: "whatsapp_business_account",
  entry: [
    { id: "1001", changes: [change("5551"), change("5552")] },
    { id: "1002", changes: [{ field: "message_template_status_update", value: { event: "APPROVED", message_template_name: "pickup_ready" } }] },
  ],
};

describe("webhookTargets", () => {
  it("names every number and business account of a delivery", () => {
    expect(webhookTargets(delivery)).toEqual({ phoneNumberIds: ["5551", "5552"], wabaIds: ["1001", "1002"] });
  });
  it("names nothing for a body that is not a webhook", () => {
    expect(webhookTargets(null)).toEqual({ phoneNumberIds: [], wabaIds: [] });
    expect(webhookTargets({ entry: "x" })).toEqual({ phoneNumberIds: [], wabaIds: [] });
  });
});

describe("payloadForSession", () => {
  it("keeps the changes of the session's number, and account updates of its business account", () => {
    const mine = payloadForSession(delivery, { phoneNumberId: "5551", wabaId: "1002" });
    expect(mine?.entry.map((e) => [e.id, (e.changes as unknown[]).length])).toEqual([["1001", 1], ["1002", 1]]);
    expect(JSON.stringify(mine)).not.toContain("5552");
  });
  it("is null when nothing in the delivery is the session's", () => {
    expect(payloadForSession(delivery, { phoneNumberId: "9999", wabaId: "9999" })).toBeNull();
    // Another account's template update does not belong to a session of a different account.
    expect(payloadForSession(delivery, { phoneNumberId: "9999", wabaId: "1001" })).toBeNull();
  });
});

describe("verificationChallenge", () => {
  const query = (token: string, mode = "subscribe") => ({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": "1158201444" });
  it("echoes the challenge for a known verify token only", () => {
    expect(verificationChallenge(query("token-of-shop"), ["other-token", "token-of-shop"])).toBe("1158201444");
    expect(verificationChallenge(query("token-of-sho"), ["token-of-shop"])).toBeNull();
    expect(verificationChallenge(query("token-of-shop", "unsubscribe"), ["token-of-shop"])).toBeNull();
    expect(verificationChallenge(query("token-of-shop"), [])).toBeNull();
  });
  it("reads the parameters parsed as nested objects too", () => {
    expect(verificationChallenge({ hub: { mode: "subscribe", verify_token: "abcdefgh", challenge: "42" } }, ["abcdefgh"])).toBe("42");
  });
});

describe("webhookEventKey and cloudFailureError", () => {
  it("keys an event per session, id and status", () => {
    expect(webhookEventKey.status("s1", "wamid.A", "read")).toBe("status:s1:wamid.A:read");
    expect(webhookEventKey.status("s1", "wamid.A", "read")).not.toBe(webhookEventKey.status("s1", "wamid.A", "delivered"));
    expect(webhookEventKey.inbound("s1", "wamid.A")).toBe("msg:s1:wamid.A");
  });
  it("keeps WhatsApp's error code and title", () => {
    expect(cloudFailureError(131047, "Re-engagement message", "outside_window")).toBe("WhatsApp could not deliver the message (131047 Re-engagement message): outside_window");
    expect(cloudFailureError(undefined, undefined)).toBe("WhatsApp could not deliver the message");
  });
});
