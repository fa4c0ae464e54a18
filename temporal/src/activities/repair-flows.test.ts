import { describe, expect, it } from "vitest";
import { ApplicationFailure } from "@temporalio/activity";
import { DEFAULT_SHOP_SETTINGS } from "@voltura/domain";
import { CommerceClient } from "@voltura/medusa-client";
import { createRepairFlowActivities, REPAIR_FLOW_FAILURES } from "./repair-flows.js";

const job = {
  id: "rjob_1", job_number: "VSH-2026-000001", status: "awaiting_approval", device_type: "phone", brand: "Apple", model: "iPhone 13",
  issue: "Cracked", priority: "normal", customer_id: "cus_1", customer_name: "Aisyah Rahman", customer_phone: "+60123456789",
  workflow_id: "job-VSH-2026-000001", created_by: "Siti", created_at: "2026-11-24T01:00:00.000Z", updated_at: "2026-11-24T01:00:00.000Z",
  imei_serial: null, colour: null, accessories: [], condition_notes: null, deposit_sen: 0, technician_id: null, technician_name: null,
  received_at: "2026-11-24T01:00:00.000Z", sla_due_at: "2026-11-27T01:00:00.000Z", eta: null, diagnosis: null, completed_at: null,
  delivered_at: null, tracking_token: "a".repeat(43),
  sla: { due_at: "2026-11-27T01:00:00.000Z", remaining_ms: 1000, breached: false, state: "running" },
};
const totals = { subtotal_sen: 30_000, taxable_sen: 30_000, sst_sen: 2_400, total_sen: 32_400, waived_sen: 0, deposit_applied_sen: 0, deposit_refund_sen: 0, amount_due_sen: 32_400 };
const line = {
  id: "rline_1", repair_job_id: "rjob_1", kind: "part", title: "Screen (OEM)", sku: null, variant_id: null, product_id: null, inventory_item_id: null,
  grade: "oem", fee_type: null, quantity: 1, unit_price_sen: 30_000, hours: null, rate_sen: null, amount_sen: 30_000, warranty_days: 90,
  taxable: true, waived: false, note: null, reservation_id: null, stock_location_id: null, consumed_at: null, created_by: "Tech", created_at: job.created_at,
};
function quote(status: "sent" | "approved" | "rejected", version = 1) {
  return {
    id: `rquote_${version}`, repair_job_id: "rjob_1", version, status, lines: [line], totals, sst_rate_bp: 800, prices_include_tax: false, note: null,
    sent_at: job.created_at, sent_by: "Tech", decided_at: null, decided_by: null, decision_channel: null, decision_note: null,
  };
}
function billing(status: "sent" | "approved" | "rejected") {
  const q = quote(status);
  return { billing: { repair_job_id: "rjob_1", lines: [line], totals, quote: q, quotes: [q], invoice: null, payments: [], warranties: [], warranty_claim: null } };
}

type Route = (body: unknown) => { status: number; body: unknown };

/** A commerce core in a Map: "METHOD /path" → answer; every request is kept for assertions. */
function fakeCommerce(routes: Record<string, Route | Route[]>) {
  const seen: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
    seen.push({ method: init?.method ?? "GET", path: url.pathname, body });
    const route = routes[key];
    const handler = Array.isArray(route) ? route.shift() : route;
    const answer = handler ? handler(body) : { status: 404, body: { type: "not_found", message: `No route ${key}` } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  const commerce = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: "unit-test-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" }, fetch: fetchImpl });
  return { activities: createRepairFlowActivities({ commerce }), seen };
}

const ok = (body: unknown): Route => () => ({ status: 200, body });
const jobRoute = { "GET /admin/repair-jobs/rjob_1": ok({ repair_job: job }), "GET /admin/settings": ok({ settings: DEFAULT_SHOP_SETTINGS }) };

describe("loadQuoteForCustomer", () => {
  it("reads the job, the quote version and the shop name", async () => {
    const { activities } = fakeCommerce({ ...jobRoute, "GET /admin/repair-jobs/rjob_1/billing": ok(billing("sent")) });
    expect(await activities.loadQuoteForCustomer({ jobId: "rjob_1", version: 1 })).toEqual({
      jobNumber: "VSH-2026-000001", jobStatus: "awaiting_approval", quoteStatus: "sent", phone: "+60123456789", customerName: "Aisyah Rahman",
      device: "Apple iPhone 13", totalSen: 32_400, lines: [{ title: "Screen (OEM)", amountSen: 30_000 }], shopName: DEFAULT_SHOP_SETTINGS.business.name,
    });
  });

  it("answers missing for a version that was never sent", async () => {
    const { activities } = fakeCommerce({ ...jobRoute, "GET /admin/repair-jobs/rjob_1/billing": ok(billing("sent")) });
    expect((await activities.loadQuoteForCustomer({ jobId: "rjob_1", version: 4 })).quoteStatus).toBe("missing");
  });

  it("fails without retry when the job does not exist, and retries when commerce is down", async () => {
    const missing = fakeCommerce({});
    const err = await missing.activities.loadQuoteForCustomer({ jobId: "rjob_1", version: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: REPAIR_FLOW_FAILURES.notFound, nonRetryable: true });

    const down = fakeCommerce({ "GET /admin/repair-jobs/rjob_1": () => ({ status: 503, body: { message: "starting" } }) });
    const retryable = await down.activities.loadPickupReminderTarget({ jobId: "rjob_1" }).catch((e: unknown) => e);
    expect(retryable).not.toBeInstanceOf(ApplicationFailure);
    expect(retryable).toMatchObject({ status: 503 });
  });
});

describe("recordQuoteDecision", () => {
  const input = { jobId: "rjob_1", version: 1, decision: "approve" as const, messageId: "wamsg_1", text: "setuju bos" };

  it("decides through commerce as a WhatsApp decision", async () => {
    const { activities, seen } = fakeCommerce({
      "GET /admin/repair-jobs/rjob_1/billing": ok(billing("sent")),
      "POST /admin/repair-jobs/rjob_1/quote/decision": ok(billing("approved")),
    });
    expect(await activities.recordQuoteDecision(input)).toEqual({ outcome: "recorded", status: "approved" });
    expect(seen.at(-1)).toEqual({
      method: "POST", path: "/admin/repair-jobs/rjob_1/quote/decision",
      body: { decision: "approve", channel: "whatsapp", note: 'WhatsApp reply "setuju bos" (message wamsg_1)' },
    });
  });

  it("counts a quote decided before (a retry, or the counter) as done", async () => {
    const { activities, seen } = fakeCommerce({ "GET /admin/repair-jobs/rjob_1/billing": ok(billing("rejected")) });
    expect(await activities.recordQuoteDecision(input)).toEqual({ outcome: "already_decided", status: "rejected" });
    expect(seen.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("counts a 409 quote_decided race as done", async () => {
    const { activities } = fakeCommerce({
      "GET /admin/repair-jobs/rjob_1/billing": [ok(billing("sent")), ok(billing("approved"))],
      "POST /admin/repair-jobs/rjob_1/quote/decision": () => ({ status: 409, body: { type: "quote_decided", message: "Quote v1 was already approved" } }),
    });
    expect(await activities.recordQuoteDecision(input)).toEqual({ outcome: "already_decided", status: "approved" });
  });

  it("fails without retry when commerce refuses the decision for another reason", async () => {
    const { activities } = fakeCommerce({
      "GET /admin/repair-jobs/rjob_1/billing": ok(billing("sent")),
      "POST /admin/repair-jobs/rjob_1/quote/decision": () => ({ status: 409, body: { type: "invalid_transition", message: "Cannot move a job from Cancelled" } }),
    });
    const err = await activities.recordQuoteDecision(input).catch((e: unknown) => e);
    expect(err).toMatchObject({ type: REPAIR_FLOW_FAILURES.refused, nonRetryable: true });
    expect((err as Error).message).toContain("Cannot move a job from Cancelled");
  });
});

describe("escalateQuoteToStaff", () => {
  it("opens a technician handoff for the customer's phone with the job number", async () => {
    const { activities, seen } = fakeCommerce({ "POST /admin/concierge/handoffs": () => ({ status: 201, body: { handoff: { id: "hoff_1", status: "open" } } }) });
    expect(await activities.escalateQuoteToStaff({ phone: "+60123456789", jobNumber: "VSH-2026-000001", summary: "No reply" })).toEqual({ handoffId: "hoff_1" });
    expect(seen[0]!.body).toEqual({ phone: "+60123456789", reason: "quote_no_reply", summary: "No reply", job_number: "VSH-2026-000001" });
  });
});

describe("loadPickupReminderTarget", () => {
  it("reads the customer, the device and the job status", async () => {
    const { activities } = fakeCommerce(jobRoute);
    expect(await activities.loadPickupReminderTarget({ jobId: "rjob_1" })).toMatchObject({
      jobStatus: "awaiting_approval", phone: "+60123456789", customerName: "Aisyah Rahman", device: "Apple iPhone 13",
    });
  });
});
