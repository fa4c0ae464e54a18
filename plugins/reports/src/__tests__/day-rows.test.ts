import { describe, expect, it } from "vitest";
import { shopDayOf } from "@voltura/domain";
import { bestSellers, bestSellersOf, dailyOf, dailySales, marginsOf, monthlyOf, monthlyRevenue, profitMargins, reportTotals, technicianPerformance, technicianRowsOf, totalsOf } from "../domain/aggregate";
import { daySaleRows, dayRanges, daysBetween, lineGroupsOf, mergeLineGroups, mergeTechnicianGroups, splitDays, technicianGroupsOf, wholeMonths } from "../domain/day-rows";
import type { CompletedJobFact, SaleFact, SaleLineFact } from "../domain/facts";
import { shopDayRange } from "../domain/range";

const line = (over: Partial<SaleLineFact>): SaleLineFact => ({ key: "k", title: "t", kind: "item", quantity: 1, revenue_sen: 0, inventory_item_id: null, ...over });
const sale = (at: string, revenue: number, lines: SaleLineFact[] = [], source: SaleFact["source"] = "pos"): SaleFact =>
  ({ source, reference: at, at: new Date(at), revenue_sen: revenue, sst_sen: Math.round(revenue * 0.08), lines, technician: null });

const facts: SaleFact[] = [
  sale("2026-11-29T15:59:59Z", 5000, [line({ key: "var_c", title: "Charger (old name)", quantity: 2, revenue_sen: 5000, inventory_item_id: "ii_c" })]),
  sale("2026-11-29T16:00:00Z", 53000, [line({ key: "var_s", title: "Screen", revenue_sen: 45000, inventory_item_id: "ii_s" }), line({ key: "Labour", title: "Labour", kind: "service", revenue_sen: 8000 })], "repair"),
  sale("2026-11-30T03:00:00Z", 5000, [line({ key: "var_c", title: "Charger", quantity: 2, revenue_sen: 5000, inventory_item_id: "ii_c" })]),
  sale("2026-12-01T02:00:00Z", 12000, [line({ key: "Labour", title: "Labour", kind: "service", revenue_sen: 12000 })], "invoice"),
  sale("2026-12-02T10:00:00Z", 700, [line({ key: "var_c", title: "Charger", quantity: 1, revenue_sen: 700, inventory_item_id: "ii_c" })]),
];
const jobs: CompletedJobFact[] = [
  { job_number: "A", technician: " Hafiz ", received_at: new Date("2026-11-28T00:00:00Z"), completed_at: new Date("2026-11-29T00:00:00Z"), revenue_sen: 30000 },
  { job_number: "B", technician: "Hafiz", received_at: new Date("2026-11-28T00:00:00Z"), completed_at: new Date("2026-12-02T12:30:00Z"), revenue_sen: 10000 },
  { job_number: "C", technician: null, received_at: new Date("2026-11-28T00:00:00Z"), completed_at: new Date("2026-11-28T02:00:00Z"), revenue_sen: 0 },
];

describe("shop-day bucketing", () => {
  it("puts a sale in the shop day of its instant (local midnight is 16:00 UTC)", () => {
    const rows = daySaleRows(facts);
    expect(rows.map((r) => [r.day, r.source, r.sales, r.revenue_sen])).toEqual([
      ["2026-11-29", "pos", 1, 5000], ["2026-11-30", "repair", 1, 53000], ["2026-11-30", "pos", 1, 5000], ["2026-12-01", "invoice", 1, 12000], ["2026-12-02", "pos", 1, 700],
    ]);
  });

  it("turns a set of days into merged half-open ranges", () => {
    expect(dayRanges(["2026-12-03", "2026-12-01", "2026-12-02", "2026-12-05", "2026-12-01"])).toEqual([
      { from: new Date("2026-11-30T16:00:00Z"), to: new Date("2026-12-03T16:00:00Z") },
      { from: new Date("2026-12-04T16:00:00Z"), to: new Date("2026-12-05T16:00:00Z") },
    ]);
    expect(dayRanges([])).toEqual([]);
    expect(daysBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01"]);
    expect(daysBetween("2026-12-06", "2026-12-06")).toEqual([]);
  });

  it("reads stored days before the refresh point unless changed; the rest live", () => {
    const range = shopDayRange("2026-12-01", "2026-12-06");
    expect(splitDays(range, "2026-12-05", new Set(["2026-12-02"]))).toEqual({
      stored: ["2026-12-01", "2026-12-03", "2026-12-04"], live: ["2026-12-02", "2026-12-05", "2026-12-06"],
    });
    expect(splitDays(range, null, new Set())).toEqual({ stored: [], live: range.days });
  });

  it("reads whole stored months from the month rows and the other stored days from the day rows", () => {
    const feb2028 = shopDayRange("2028-02-01", "2028-02-29").days;
    const stored = [...shopDayRange("2026-11-15", "2026-12-31").days, ...feb2028, ...shopDayRange("2027-01-01", "2027-01-30").days];
    const split = wholeMonths(stored.filter((d) => d !== "2026-12-10"));
    expect(split.months).toEqual(["2028-02-01"]);
    expect(split.days).toHaveLength(16 + 30 + 30);
    expect(wholeMonths(shopDayRange("2026-11-01", "2026-12-31").days)).toEqual({ months: ["2026-11-01", "2026-12-01"], days: [] });
  });
});

describe("stored days merged with live days", () => {
  const range = shopDayRange("2026-11-28", "2026-12-02");
  // Split the facts as a refresh would: days before 2026-12-01 stored, the rest live.
  const stored = facts.filter((f) => shopDayOf(f.at) < "2026-12-01");
  const live = facts.filter((f) => shopDayOf(f.at) >= "2026-12-01");

  it("gives every section exactly as one pass over all the sales", () => {
    const rows = [...daySaleRows(stored), ...daySaleRows(live)];
    expect(totalsOf(rows)).toEqual(reportTotals(facts));
    expect(dailyOf(rows, range)).toEqual(dailySales(facts, range));
    expect(monthlyOf(rows)).toEqual(monthlyRevenue(facts));
    const groups = mergeLineGroups(lineGroupsOf(live), lineGroupsOf(stored));
    expect(bestSellersOf(groups, 5)).toEqual(bestSellers(facts, 5));
    expect(marginsOf(groups, { ii_c: 1000 })).toEqual(profitMargins(facts, { ii_c: 1000 }));
    const completedBefore = jobs.filter((j) => shopDayOf(j.completed_at) < "2026-12-01");
    const completedAfter = jobs.filter((j) => shopDayOf(j.completed_at) >= "2026-12-01");
    expect(technicianRowsOf(mergeTechnicianGroups(technicianGroupsOf(completedBefore), technicianGroupsOf(completedAfter)))).toEqual(technicianPerformance(jobs));
  });

  it("keeps the title of the earliest sale whichever part comes first, and sums quantities", () => {
    const groups = mergeLineGroups(lineGroupsOf(live), lineGroupsOf(stored));
    expect(groups.find((g) => g.key === "var_c")).toMatchObject({ title: "Charger (old name)", quantity: 5, revenue_sen: 10700, inventory_item_id: "ii_c" });
  });

  it("averages turnaround over the summed milliseconds, trimming names and naming the unassigned", () => {
    expect(technicianPerformance(jobs)).toEqual([
      { technician: "Hafiz", jobs_completed: 2, average_turnaround_hours: 66.3, revenue_sen: 40000 },
      { technician: "Unassigned", jobs_completed: 1, average_turnaround_hours: 2, revenue_sen: 0 },
    ]);
  });
});

describe("earliest line of a stored group", () => {
  it("splits the stamp, the inventory item and a title that may hold the separator", async () => {
    const { earliestOf } = await import("../modules/report-days/daily/read");
    expect(earliestOf("20261201083000000000\u001fiitem_1\u001fUSB-C charger")).toEqual({ inventory_item_id: "iitem_1", title: "USB-C charger" });
    expect(earliestOf("20261201083000000000\u001f\u001fOdd \u001f title")).toEqual({ inventory_item_id: null, title: "Odd \u001f title" });
  });
});
