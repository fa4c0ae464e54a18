import { isHttpError } from "@sveltejs/kit";
import type { StaffRole } from "@voltura/domain";
import type { CrmCustomerSummary, InventoryLevelRow } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import { GET as exportCustomers } from "../../routes/(staff)/customers/export/+server";
import { GET as exportInventory } from "../../routes/(staff)/inventory/export/+server";
import { staffLocals, testCommerceClient } from "./test-doubles";

/**
 * The console's CSV exports: owners and managers only, and each one is written to the audit
 * trail (POST /admin/audit/events as the staff member) before the file is handed out.
 */
const customer: CrmCustomerSummary = {
  id: "cus_1", name: "Aisyah Rahman", first_name: "Aisyah", last_name: "Rahman", email: null, phone: "+60123456789",
  customer_type: "walk_in", tags: ["vip"], last_visit_at: null, device_count: 1, job_count: 2, created_at: "2026-11-24T07:05:00.000Z",
};
const level: InventoryLevelRow = {
  inventory_item_id: "iitem_1", location_id: "sloc_1", location_name: "Shop", title: "USB-C cable", sku: "CBL-1", barcode: null,
  on_hand: 3, reserved: 0, available: 3, low_stock_threshold: 5, low_stock: true, average_cost_sen: 450,
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}

function commerceFake(role: StaffRole, audit: "records" | "refuses" | "unreachable") {
  const calls: Call[] = [];
  const fetch = async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ method: init?.method ?? "GET", path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.pathname === "/admin/audit/events") {
      if (audit === "unreachable") throw new TypeError("fetch failed");
      if (audit === "refuses") return Response.json({ message: "audit store down" }, { status: 500 });
      return Response.json({ recorded: true, request_id: "req_1" }, { status: 201 });
    }
    if (url.pathname === "/admin/crm/customers") return Response.json({ customers: [customer], count: 1, limit: 200, offset: 0 });
    if (url.pathname === "/admin/inventory/levels") return Response.json({ levels: [level], count: 1, low_stock_count: 1 });
    return Response.json({ message: "not found" }, { status: 404 });
  };
  const locals = staffLocals({ id: "user_1", email: "m@voltura.test", name: "Mei", role }, testCommerceClient(role, fetch));
  return { calls, locals };
}

const event = (locals: App.Locals, url: string) => ({ locals, url: new URL(url) }) as never;

async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

const EXPORTS = [
  { name: "customers", GET: exportCustomers, url: "http://console.test/customers/export?tag=vip&page=3", action: "export.customers", entity: "customer", filters: { tag: "vip" } },
  { name: "inventory", GET: exportInventory, url: "http://console.test/inventory/export?q=cable&low=1", action: "export.inventory", entity: "inventory_level", filters: { q: "cable", low: true } },
] as const;

describe.each(EXPORTS)("the $name export", ({ GET, url, action, entity, filters }) => {
  it.each(["cashier", "technician"] as const)("is refused to a %s, before anything is read", async (role) => {
    const { calls, locals } = commerceFake(role, "records");
    const error = await thrown(() => GET(event(locals, url)));
    expect(isHttpError(error, 403)).toBe(true);
    expect(calls).toEqual([]);
  });

  it.each(["owner", "manager"] as const)("is written to the audit trail as the %s, then handed out", async (role) => {
    const { calls, locals } = commerceFake(role, "records");
    const response = await GET(event(locals, url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const audits = calls.filter((c) => c.path === "/admin/audit/events");
    expect(audits).toEqual([{ method: "POST", path: "/admin/audit/events", body: { action, entity, metadata: { filters: expect.objectContaining(filters), rows: 1 } } }]);
    expect((audits[0]?.body as { metadata: { filters: object } }).metadata.filters).not.toHaveProperty("page");
    expect(calls.at(-1)?.path).toBe("/admin/audit/events");
  });

  it.each(["refuses", "unreachable"] as const)("is not made when the audit trail %s it", async (audit) => {
    const { locals } = commerceFake("manager", audit);
    const error = await thrown(() => GET(event(locals, url)));
    expect(isHttpError(error, 503)).toBe(true);
    expect(isHttpError(error) && error.body.message).toMatch(/audit trail/);
  });
});
