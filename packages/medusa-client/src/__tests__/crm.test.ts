import { describe, expect, it } from "vitest";
import { CommerceClient, CommerceError } from "../client.js";
import { duplicateCustomerErrorSchema } from "@voltura/contracts";

const SECRET = "test-secret-0123456789abcdef";
const summary = {
  id: "cus_1", name: "Aisyah Rahman", first_name: "Aisyah", last_name: "Rahman", email: null, phone: "+60123456789",
  customer_type: "walk_in", tags: ["vip"], last_visit_at: null, device_count: 1, job_count: 2, created_at: "2026-11-24T01:00:00.000Z",
};
const detail = { ...summary, devices: [], repair_jobs: [], purchases: [], notes: [] };

function client(status: number, body: unknown, seen: Request[] = []) {
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "cashier" }, fetch: fetchImpl });
}

describe("CommerceClient CRM methods", () => {
  it("lists customers with the filters in the query string", async () => {
    const seen: Request[] = [];
    const r = await client(200, { customers: [summary], count: 1, limit: 20, offset: 0 }, seen).listCrmCustomers({
      type: "corporate", tag: "vip", q: "", last_visit_before: new Date("2026-11-24T00:00:00Z"), limit: 20,
    });
    expect(r.customers[0]!.id).toBe("cus_1");
    expect(new URL(seen[0]!.url).search).toBe("?type=corporate&tag=vip&last_visit_before=2026-11-24T00%3A00%3A00.000Z&limit=20");
  });

  it("creates a customer and exposes a duplicate-phone refusal", async () => {
    expect((await client(201, { customer: detail }).createCrmCustomer({ name: "Aisyah", phone: "012-345 6789" })).id).toBe("cus_1");
    const refusal = {
      type: "duplicate_customer", field: "phone", message: "Phone +60123456789 already belongs to Aisyah Rahman (cus_1)",
      existing_customer: { id: "cus_1", name: "Aisyah Rahman", phone: "+60123456789", email: null },
    };
    const err = await client(409, refusal).createCrmCustomer({ name: "A", phone: "0123456789" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommerceError);
    expect(duplicateCustomerErrorSchema.parse((err as CommerceError).body).existing_customer.id).toBe("cus_1");
  });

  it("posts merges, notes and lookups to their routes", async () => {
    const seen: Request[] = [];
    await client(200, { customer: detail, merged: { duplicate_id: "cus_2", repair_jobs: 1, devices: 0, notes: 2, orders: 0 } }, seen).mergeCrmCustomers("cus_1", "cus_2");
    expect(seen[0]!.url).toBe("http://commerce/admin/crm/customers/cus_1/merge");
    expect(await seen[0]!.json()).toEqual({ duplicate_id: "cus_2" });
    const note = await client(201, { note: { id: "n1", body: "Hi", author: "Siti", created_at: "2026-11-24T01:00:00.000Z" } }).addCrmCustomerNote("cus_1", { body: "Hi" });
    expect(note.author).toBe("Siti");
    const lookupSeen: Request[] = [];
    const found = await client(200, { customers: [{ id: "cus_1", name: "A", phone: "+60123456789", customer_type: "walk_in", match: "exact" }] }, lookupSeen).lookupCrmCustomers("012-345 6789");
    expect(found[0]!.match).toBe("exact");
    expect(lookupSeen[0]!.url).toBe("http://commerce/admin/crm/customers/lookup?phone=012-345+6789");
  });
});
