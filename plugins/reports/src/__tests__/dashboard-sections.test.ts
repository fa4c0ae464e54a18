import { describe, expect, it } from "vitest";
import type { DashboardJob } from "@voltura/contracts";
import { activityOfEntities, everyActivity } from "../api/admin/activity/activity-sql";
import { newCustomers } from "../api/admin/dashboard/dashboard-sql";
import { benchOf, dashboardSectionsFor, revenueDays, revenueOf } from "../domain/dashboard-sections";
import { benchJobs, counterSales, OPEN_STATUSES } from "../api/admin/dashboard/sections-sql";

const job = (id: string, status: DashboardJob["status"], due: string, sla: Partial<DashboardJob["sla"]> = {}): DashboardJob => ({
  id, job_number: id, status, priority: "normal", customer_name: "A", customer_phone: "+60123456789", device_type: "phone", brand: "Apple", model: "X",
  issue: "Screen", technician_name: "Tech", eta: null, created_at: "2026-12-01T00:00:00.000Z", updated_at: "2026-12-01T00:00:00.000Z",
  sla: { due_at: due, remaining_ms: 0, breached: false, state: "running", ...sla },
});

describe("dashboard sections per role", () => {
  it("gives revenue and SLA breaches to owners and managers only, the bench to technicians, the counter to cashiers", () => {
    for (const role of ["owner", "manager"]) {
      expect(dashboardSectionsFor(role)).toEqual({ revenue: true, slaBreaches: true, quotes: true, handoffs: true, lowStockItems: true, bench: false, counter: false });
    }
    expect(dashboardSectionsFor("cashier")).toEqual({ revenue: false, slaBreaches: false, quotes: true, handoffs: true, lowStockItems: true, bench: false, counter: true });
    expect(dashboardSectionsFor("technician")).toEqual({ revenue: false, slaBreaches: false, quotes: true, handoffs: false, lowStockItems: true, bench: true, counter: false });
    expect(Object.values(dashboardSectionsFor("system")).some(Boolean)).toBe(false);
    expect(Object.values(dashboardSectionsFor(undefined)).some(Boolean)).toBe(false);
  });
});

describe("revenue days and figures", () => {
  it("starts the week on Monday and covers the month and the 30-day series", () => {
    // 2026-12-07 is a Monday; 2026-12-06 a Sunday.
    expect(revenueDays("2026-12-07")).toEqual({ week: "2026-12-07", month: "2026-12-01", series: "2026-11-08", from: "2026-11-08" });
    expect(revenueDays("2026-12-06")).toEqual({ week: "2026-11-30", month: "2026-12-01", series: "2026-11-07", from: "2026-11-07" });
    expect(revenueDays("2026-03-31").from).toBe("2026-03-01");
  });

  it("sums today, the week and the month over every source and fills the 30 days with zeros", () => {
    const rows = [
      { day: "2026-12-06", source: "pos" as const, sales: 2, revenue_sen: 1500, sst_sen: 0 },
      { day: "2026-12-06", source: "repair" as const, sales: 1, revenue_sen: 10_000, sst_sen: 0 },
      { day: "2026-12-01", source: "pos" as const, sales: 1, revenue_sen: 700, sst_sen: 0 },
      { day: "2026-11-30", source: "pos" as const, sales: 4, revenue_sen: 4000, sst_sen: 0 },
      { day: "2026-11-20", source: "invoice" as const, sales: 1, revenue_sen: 9, sst_sen: 0 },
    ];
    const revenue = revenueOf(rows, "2026-12-06");
    expect(revenue).toMatchObject({ today_sen: 11_500, sales_today: 3, week_sen: 16_200, sales_week: 8, month_sen: 12_200, sales_month: 4 });
    expect(revenue.daily).toHaveLength(30);
    expect(revenue.daily[0]).toEqual({ day: "2026-11-07", revenue_sen: 0, sales: 0 });
    expect(revenue.daily.at(-1)).toEqual({ day: "2026-12-06", revenue_sen: 11_500, sales: 3 });
    expect(revenue.daily.find((d) => d.day === "2026-11-20")).toEqual({ day: "2026-11-20", revenue_sen: 9, sales: 1 });
  });
});

describe("a technician's bench", () => {
  it("counts their open jobs per status, overdue and due before the shop day ends, soonest first", () => {
    const now = new Date("2026-12-07T04:00:00Z"); // 12:00 shop time; the day ends 2026-12-07T16:00Z
    const jobs = [
      job("late", "in_progress", "2026-12-07T01:00:00Z", { breached: true }),
      job("today", "pending", "2026-12-07T15:00:00Z"),
      job("tomorrow", "in_progress", "2026-12-07T17:00:00Z"),
      job("waiting", "awaiting_parts", "2026-12-07T10:00:00Z", { state: "paused" }),
      job("done", "completed", "2026-12-06T00:00:00Z", { state: "stopped", breached: false }),
    ];
    const bench = benchOf(jobs, OPEN_STATUSES, now, 3);
    expect(bench.open).toBe(5);
    expect(bench.overdue).toBe(1);
    expect(bench.due_today).toBe(2);
    expect(bench.counts).toEqual([
      { status: "pending", count: 1 }, { status: "awaiting_approval", count: 0 }, { status: "awaiting_parts", count: 1 },
      { status: "in_progress", count: 2 }, { status: "completed", count: 1 },
    ]);
    expect(bench.jobs.map((j) => j.id)).toEqual(["done", "late", "waiting"]);
  });
});

describe("dashboard statements", () => {
  it("binds the technician, the cashier and the day, never interpolating them", () => {
    expect(benchJobs("user_'x").sql).not.toContain("user_'x");
    expect(benchJobs("user_1").bindings.at(-1)).toBe("user_1");
    const from = new Date("2026-12-06T16:00:00Z");
    const to = new Date("2026-12-07T16:00:00Z");
    expect(counterSales("user_2", from, to).bindings).toEqual([from, to, "user_2"]);
  });

  it("counts new customers from the earlier of the month's and the week's start", () => {
    const month = new Date("2026-11-30T16:00:00Z");
    const week = new Date("2026-11-29T16:00:00Z");
    const day = new Date("2026-12-06T16:00:00Z");
    expect(newCustomers(month, day, week).bindings).toEqual([month, week, day, week]);
    expect(newCustomers(week, day, month).bindings.at(-1)).toBe(week);
  });

  it("pages the feed on seq, one index branch per entity", () => {
    const all = everyActivity(21, 900);
    expect(all.sql).toContain("seq < ?");
    expect(all.sql).toContain("LIMIT 21");
    expect(all.bindings).toEqual([900]);
    expect(everyActivity(21).bindings).toEqual([]);
    const some = activityOfEntities(["repair_job", "repair_jobs"], 11, 50);
    expect(some.sql.match(/UNION ALL/g)).toHaveLength(1);
    expect(some.bindings).toEqual(["repair_job", 50, "repair_jobs", 50]);
    expect(activityOfEntities([], 11).sql).toContain("WHERE false");
  });
});
