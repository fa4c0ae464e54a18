import { describe, expect, it } from "vitest";
import { ApplicationFailure } from "@temporalio/activity";
import { CommerceClient } from "@voltura/medusa-client";
import { createInvoicingActivities } from "./invoicing.js";

const quotation = (status: string, phone: string | null = "+60355551234") => ({
  quotation: {
    id: "quo_1", quotation_number: "QUO-2026-000007", status, customer_id: null,
    buyer: { name: "Maju Jaya", phone, email: null, address: null, tin: null, brn: null, nric: null, sst_no: null },
    lines: [], notes: null, subtotal_sen: 1000, discount_sen: 0, sst_sen: 80, total_sen: 1080, prices_include_tax: false,
    issued_at: "2026-11-30T02:00:00.000Z", valid_until: "2026-12-14T15:59:59.999Z", sent_at: "2026-11-30T02:00:00.000Z", decided_at: null,
    converted_invoice_id: null, created_by: "Siti",
  },
});
const share = { share: { path: "/public/sales-documents/tok.sig", filename: "QUO-2026-000007.pdf", mimetype: "application/pdf", text: "x", phone: "+60355551234", number: "QUO-2026-000007", expires_at: "2026-12-30T00:00:00.000Z" } };
const message = { message: { id: "wamsg_1", session_id: "s", direction: "out", phone: "+60355551234", customer_id: null, body: "x", media: null, wa_message_id: null, status: "pending", context_kind: "reminder", context_ref: "QUO-2026-000007", created_at: "2026-12-03T02:00:00.000Z" } };

type Answer = { status: number; body: unknown };

function fakeCommerce(routes: Record<string, Answer>) {
  const seen: Array<{ key: string; body: unknown }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${new URL(String(input)).pathname}`;
    seen.push({ key, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = routes[key] ?? { status: 404, body: { type: "not_found", message: `No route ${key}` } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  const commerce = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: "unit-test-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" }, fetch: fetchImpl });
  return { activities: createInvoicingActivities({ commerce }), seen };
}

const input = { quotationId: "quo_1", reminderDay: 3, idempotencyKey: "quotation-followup:QUO-2026-000007:day3" };

describe("invoicing activities", () => {
  it("sends the reminder with the PDF link through the WhatsApp route, keyed for idempotency", async () => {
    const { activities, seen } = fakeCommerce({
      "GET /admin/invoicing/quotations/quo_1": { status: 200, body: quotation("sent") },
      "POST /admin/invoicing/quotations/quo_1/share": { status: 200, body: share },
      "POST /admin/whatsapp/messages": { status: 201, body: message },
    });
    expect(await activities.sendQuotationReminder(input)).toBe("sent");
    const sent = seen.find((s) => s.key === "POST /admin/whatsapp/messages")!.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(sent).toMatchObject({ to: "+60355551234", idempotency_key: input.idempotencyKey, context: { kind: "reminder", ref: "QUO-2026-000007" } });
    expect(sent.media).toMatchObject({ mimetype: "application/pdf", filename: "QUO-2026-000007.pdf" });
    expect(sent.media.url).toMatch(/\/public\/sales-documents\/tok\.sig$/);
    expect(sent.body).toContain("QUO-2026-000007");
  });

  it("sends nothing for an answered quotation or a buyer without a phone", async () => {
    const answered = fakeCommerce({ "GET /admin/invoicing/quotations/quo_1": { status: 200, body: quotation("accepted") } });
    expect(await answered.activities.sendQuotationReminder(input)).toBe("closed");
    expect(answered.seen.map((s) => s.key)).toEqual(["GET /admin/invoicing/quotations/quo_1"]);
    const noPhone = fakeCommerce({ "GET /admin/invoicing/quotations/quo_1": { status: 200, body: quotation("sent", null) } });
    expect(await noPhone.activities.sendQuotationReminder(input)).toBe("no_phone");
  });

  it("reports an opted-out contact, and turns a missing quotation into a non-retryable failure", async () => {
    const optedOut = fakeCommerce({
      "GET /admin/invoicing/quotations/quo_1": { status: 200, body: quotation("sent") },
      "POST /admin/invoicing/quotations/quo_1/share": { status: 200, body: share },
      "POST /admin/whatsapp/messages": { status: 409, body: { type: "conflict", code: "opted_out", message: "opted out" } },
    });
    expect(await optedOut.activities.sendQuotationReminder(input)).toBe("opted_out");
    const missing = fakeCommerce({});
    const error = await missing.activities.sendQuotationReminder(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).nonRetryable).toBe(true);
  });

  it("expires a still-sent quotation and leaves an answered one alone", async () => {
    const open = fakeCommerce({
      "GET /admin/invoicing/quotations/quo_1": { status: 200, body: quotation("sent") },
      "POST /admin/invoicing/quotations/quo_1/status": { status: 200, body: quotation("expired") },
    });
    expect(await open.activities.expireQuotation({ quotationId: "quo_1" })).toBe("expired");
    expect(open.seen.at(-1)).toEqual({ key: "POST /admin/invoicing/quotations/quo_1/status", body: { status: "expired" } });
    const done = fakeCommerce({ "GET /admin/invoicing/quotations/quo_1": { status: 200, body: quotation("converted") } });
    expect(await done.activities.expireQuotation({ quotationId: "quo_1" })).toBe("closed");
  });
});
