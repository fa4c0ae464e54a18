import { ApplicationFailure } from "@temporalio/activity";
import { describe, expect, it, vi } from "vitest";
import { CommerceError } from "@voltura/medusa-client";
import { FakeCommerceClient } from "../__tests__/fake-commerce-client.js";
import { createCampaignActivities, gateFailure } from "./campaigns.js";

describe("gateFailure: what Temporal does with the gate's answer", () => {
  it.each([400, 404, 409])("makes %i final (the same call cannot succeed later)", (status) => {
    expect(gateFailure(new CommerceError(status, "no", "not_found"), "the gate")).toMatchObject({ type: "CampaignGateRefused", nonRetryable: true });
    expect(gateFailure(new CommerceError(status, "no"), "the gate")).toBeInstanceOf(ApplicationFailure);
  });

  it.each([500, 502, 503])("leaves %i retryable: every gate call is idempotent", (status) => {
    const err = new CommerceError(status, "down");
    expect(gateFailure(err, "the gate")).toBe(err);
  });

  it("leaves an unreachable commerce retryable", () => {
    const err = new Error("ECONNREFUSED");
    expect(gateFailure(err, "the gate")).toBe(err);
  });
});

function commerceAnswering(answer: unknown) {
  const request = vi.fn(async (_method: string, _path: string, _schema: unknown, _body?: unknown) => answer);
  return { request, commerce: new FakeCommerceClient(request) };
}

describe("campaign activities", () => {
  it("maps the gate's send answer to the pacer's order and starts typing", async () => {
    const { commerce, request } = commerceAnswering({
      action: "send", recipient_id: "crcp_1", campaign_id: "camp_1", run_no: 2, session_id: "wa_1", to: "+60123456789",
      body: "Hai Aminah", media: null, idempotency_key: "campaign:camp_1:r2:cus_1", typing_ms: 1500,
    });
    const order = await createCampaignActivities({ commerce }).nextCampaignSend({ sessionId: "wa_1" });
    expect(order).toEqual({
      action: "send", recipientId: "crcp_1", campaignId: "camp_1", runNo: 2, to: "+60123456789", body: "Hai Aminah",
      media: null, idempotencyKey: "campaign:camp_1:r2:cus_1", typingMs: 1500,
    });
    expect(request).toHaveBeenCalledWith("POST", "/admin/campaigns/dispatch/next", expect.anything(), { session_id: "wa_1" });
    expect(request).toHaveBeenCalledWith("POST", "/admin/whatsapp/sessions/wa_1/presence", expect.anything(), { to: "+60123456789", state: "composing" });
  });

  it("passes a template route's template on, without typing", async () => {
    const template = { name: "promo_dec", language: "ms", params: ["Aminah"] };
    const { commerce, request } = commerceAnswering({
      action: "send", recipient_id: "crcp_2", campaign_id: "camp_1", run_no: 1, session_id: "wa_cloud", to: "+60123456789",
      body: "Hai Aminah", media: null, idempotency_key: "campaign:camp_1:cus_2", typing_ms: 0, template,
    });
    const order = await createCampaignActivities({ commerce }).nextCampaignSend({ sessionId: "wa_cloud" });
    expect(order).toMatchObject({ action: "send", recipientId: "crcp_2", typingMs: 0, template });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it("still sends when typing presence fails", async () => {
    const send = {
      action: "send", recipient_id: "crcp_1", campaign_id: "camp_1", run_no: 1, session_id: "wa_1", to: "+60123456789",
      body: "Hai", media: null, idempotency_key: "campaign:camp_1:cus_1", typing_ms: 1500,
    };
    const request = vi.fn(async (_m: string, path: string) => {
      if (path.endsWith("/presence")) throw new CommerceError(503, "session down");
      return send;
    });
    const order = await createCampaignActivities({ commerce: new FakeCommerceClient(request) }).nextCampaignSend({ sessionId: "wa_1" });
    expect(order).toMatchObject({ action: "send", recipientId: "crcp_1" });
  });

  it("records a send, then brings the gate's next answer", async () => {
    const request = vi.fn(async (_m: string, path: string) =>
      path.endsWith("/sent") ? { recipient: { id: "crcp_1", status: "sent", reason: null }, replayed: false } : { action: "wait", until: "2027-01-04T01:00:00.000Z", reason: "gap" });
    const next = await createCampaignActivities({ commerce: new FakeCommerceClient(request) })
      .recordCampaignSent({ sessionId: "wa_1", recipientId: "crcp_1", messageId: "wa_msg_1", status: "sent" });
    expect(next).toEqual({ action: "wait", until: "2027-01-04T01:00:00.000Z", reason: "gap" });
    expect(request.mock.calls.map((c) => c[1])).toEqual(["/admin/campaigns/dispatch/sent", "/admin/campaigns/dispatch/next"]);
  });

  it("passes wait and idle through", async () => {
    const wait = { action: "wait", until: "2027-01-04T01:00:00.000Z", reason: "before_window" };
    expect(await createCampaignActivities(commerceAnswering(wait)).nextCampaignSend({ sessionId: "wa_1" })).toEqual(wait);
    expect(await createCampaignActivities(commerceAnswering({ action: "idle" })).nextCampaignSend({ sessionId: "wa_1" })).toEqual({ action: "idle" });
  });

  it("reports progress, with the senders when commerce names them", async () => {
    const plain = commerceAnswering({ remaining: 3, done: false, status: "running" });
    expect(await createCampaignActivities(plain).campaignProgress({ campaignId: "camp_1", runNo: 1 })).toEqual({ remaining: 3, done: false, status: "running" });
    const named = commerceAnswering({ remaining: 0, done: true, status: "completed", session_ids: ["wa_1", "wa_2"] });
    expect(await createCampaignActivities(named).campaignProgress({ campaignId: "camp_1", runNo: 1 })).toMatchObject({ sessionIds: ["wa_1", "wa_2"] });
  });

  it("turns a refused record into a final failure and a commerce outage into a retry", async () => {
    const refused = new FakeCommerceClient(async () => { throw new CommerceError(404, "no such recipient", "not_found"); });
    await expect(createCampaignActivities({ commerce: refused }).recordCampaignSent({ sessionId: "wa_1", recipientId: "crcp_x", messageId: "wa_msg_1", status: "sent" }))
      .rejects.toMatchObject({ type: "CampaignGateRefused", nonRetryable: true });
    const down = new FakeCommerceClient(async () => { throw new CommerceError(503, "restarting"); });
    await expect(createCampaignActivities({ commerce: down }).recordCampaignFailed({ recipientId: "crcp_x", reason: "opted_out" }))
      .rejects.toBeInstanceOf(CommerceError);
  });
});
