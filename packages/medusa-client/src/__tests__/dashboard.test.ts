import { describe, expect, it } from "vitest";
import { CommerceClient } from "../client.js";

const SECRET = "test-secret-0123456789abcdef";
const job = {
  id: "rjob_1", job_number: "VSH-2026-000001", status: "in_progress", priority: "normal", customer_name: "Aisyah", customer_phone: "+60123456789",
  device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Cracked screen", technician_name: null, eta: null,
  created_at: "2026-12-01T00:00:00.000Z", updated_at: "2026-12-01T01:00:00.000Z",
  sla: { due_at: "2026-12-04T00:00:00.000Z", remaining_ms: -1, breached: true, state: "running" },
};
const counts = [{ status: "pending", count: 2 }, { status: "delivered", count: 175_000, estimated: true }];

function clientAnswering(body: unknown, seen: Request[]) {
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "technician" }, fetch });
}

describe("dashboard client", () => {
  it("reads GET /admin/dashboard; sections a role may not see are simply absent", async () => {
    const seen: Request[] = [];
    const answer = { counts, total: 175_002, recent: [job], low_stock_count: 1, new_customers: { today: 0, month: 4 }, day: "2026-12-06" };
    const dashboard = await clientAnswering(answer, seen).getDashboard();
    expect(seen[0]!.url).toBe("http://commerce/admin/dashboard");
    expect(dashboard.sla_breaches).toBeUndefined();
    expect(dashboard.revenue).toBeUndefined();
    expect(dashboard.counts[1]).toEqual({ status: "delivered", count: 175_000, estimated: true });
  });

  it("refuses an answer whose job lacks its SLA", async () => {
    const { sla: _sla, ...withoutSla } = job;
    const answer = { counts, total: 2, recent: [withoutSla], low_stock_count: 0, new_customers: { today: 0, month: 0 }, day: "2026-12-06" };
    await expect(clientAnswering(answer, []).getDashboard()).rejects.toThrow();
  });

  it("reads GET /admin/activity with its filter and keyset cursor, and refuses an unknown type in the answer", async () => {
    const seen: Request[] = [];
    const item = { seq: 41, type: "job", action: "http.post", entity: "repair_jobs", entity_id: "rjob_1", route: "/admin/repair-jobs/:id/status",
      actor_name: "Tech", actor_role: "technician", occurred_at: "2026-12-06T01:00:00.000Z" };
    const page = await clientAnswering({ items: [item], next_before: 41, types: ["job"] }, seen).getActivity({ type: "job", limit: 1, before: 42 });
    expect(seen[0]!.url).toBe("http://commerce/admin/activity?type=job&limit=1&before=42");
    expect(page.items[0]).toEqual(item);
    expect(page.next_before).toBe(41);
    await clientAnswering({ items: [], next_before: null, types: ["job"] }, seen).getActivity();
    expect(seen[1]!.url).toBe("http://commerce/admin/activity");
    await expect(clientAnswering({ items: [{ ...item, type: "payroll" }], next_before: null, types: [] }, []).getActivity()).rejects.toThrow();
  });
});
