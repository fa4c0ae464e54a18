import { describe, expect, it } from "vitest";
import { dashboardJob, statusCountsOf } from "../api/admin/dashboard/build-dashboard";
import { statusCounts } from "../api/admin/dashboard/dashboard-sql";

describe("dashboard", () => {
  it("counts every status in workflow order, estimating past 1,000 from the planner's statistics", () => {
    const capped = [{ status: "pending", n: 3 }, { status: "delivered", n: 1001 }, { status: "cancelled", n: 1001 }];
    const statistics = { rows: 200_000, vals: "{delivered,returned_unrepaired}", freqs: [0.875, 0.05] };
    const counts = statusCountsOf(capped, statistics);
    expect(counts.map((c) => c.status)).toEqual(["pending", "awaiting_approval", "awaiting_parts", "in_progress", "completed", "delivered", "cancelled", "returned_unrepaired"]);
    expect(counts[0]).toEqual({ status: "pending", count: 3 });
    expect(counts[1]).toEqual({ status: "awaiting_approval", count: 0 });
    expect(counts.find((c) => c.status === "delivered")).toEqual({ status: "delivered", count: 175_000, estimated: true });
    // Not among the planner's common values: never shown below what was counted.
    expect(counts.find((c) => c.status === "cancelled")).toEqual({ status: "cancelled", count: 1001, estimated: true });
    expect(statusCountsOf(capped, undefined).find((c) => c.status === "delivered")).toEqual({ status: "delivered", count: 1001, estimated: true });
  });

  it("counts each status in one statement with a bound value per status", () => {
    const statement = statusCounts(["pending", "delivered"]);
    expect(statement.sql.match(/UNION ALL/g)).toHaveLength(1);
    expect(statement.sql).toContain("LIMIT 1001");
    expect(statement.bindings).toEqual(["pending", "pending", "delivered", "delivered"]);
  });

  it("shows a job card with its SLA as of now", () => {
    const row = {
      id: "rjob_1", job_number: "VSH-2026-000001", status: "in_progress", priority: "normal", customer_name: "Aisyah", customer_phone: "+60123456789",
      device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Cracked screen", technician_name: null, eta: null,
      created_at: new Date("2026-12-01T00:00:00Z"), updated_at: new Date("2026-12-01T01:00:00Z"), sla_due_at: new Date("2026-12-04T00:00:00Z"),
      sla_paused_seconds: 3600, sla_paused_since: null,
    };
    const card = dashboardJob(row, new Date("2026-12-04T02:00:00Z"));
    expect(card).toMatchObject({ id: "rjob_1", eta: null, created_at: "2026-12-01T00:00:00.000Z" });
    expect(card.sla).toEqual({ due_at: "2026-12-04T01:00:00.000Z", remaining_ms: -3_600_000, breached: true, state: "running" });
  });
});
