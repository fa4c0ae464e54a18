import { describe, expect, it } from "vitest";
import { bestSellers, dailySales, monthlyRevenue, netLineRevenue, profitMargins, reportTotals, technicianPerformance, UNASSIGNED } from "../domain/aggregate";
import type { SaleFact, SaleLineFact } from "../domain/facts";
import { shopDayRange } from "../domain/range";

const line = (over: Partial<SaleLineFact>): SaleLineFact => ({ key: "k", title: "t", kind: "item", quantity: 1, revenue_sen: 0, inventory_item_id: null, ...over });
const sale = (at: string, revenue: number, lines: SaleLineFact[] = [], source: SaleFact["source"] = "pos"): SaleFact =>
  ({ source, reference: at, at: new Date(at), revenue_sen: revenue, sst_sen: Math.round(revenue * 0.08), lines, technician: null });

const charger = line({ key: "var_charger", title: "USB-C charger", quantity: 2, revenue_sen: 5000, inventory_item_id: "iitem_charger" });
const screen = line({ key: "var_screen", title: "iPhone 13 screen", quantity: 1, revenue_sen: 45000, inventory_item_id: "iitem_screen" });
const labour = line({ key: "Screen labour", title: "Screen labour", kind: "service", revenue_sen: 8000 });
const facts = [
  sale("2026-11-29T15:30:00Z", 5000, [charger]), // 29 Nov 11:30 pm in KL
  sale("2026-11-29T16:30:00Z", 53000, [screen, labour], "repair"), // 30 Nov 00:30 in KL
  sale("2026-11-30T03:00:00Z", 5000, [{ ...charger, quantity: 2 }]),
  sale("2026-12-01T02:00:00Z", 12000, [], "invoice"),
];

describe("report math", () => {
  it("buckets sales into shop days, zero days included", () => {
    const rows = dailySales(facts, shopDayRange("2026-11-28", "2026-11-30"));
    expect(rows.map((r) => [r.day, r.sales, r.revenue_sen])).toEqual([["2026-11-28", 0, 0], ["2026-11-29", 1, 5000], ["2026-11-30", 2, 58000]]);
    expect(rows[2]!.by_source).toEqual({ pos: 5000, repair: 53000, invoice: 0 });
    expect(rows[2]!.total_sen).toBe(58000 + 400 + 4240);
  });

  it("sums months with the average sale", () => {
    expect(monthlyRevenue(facts)).toEqual([
      { month: "2026-11", sales: 3, revenue_sen: 63000, sst_sen: 400 + 4240 + 400, average_sale_sen: 21000 },
      { month: "2026-12", sales: 1, revenue_sen: 12000, sst_sen: 960, average_sale_sen: 12000 },
    ]);
    expect(reportTotals(facts)).toEqual({ sales: 4, revenue_sen: 75000, sst_sen: 6000, average_sale_sen: 18750 });
    expect(reportTotals([])).toEqual({ sales: 0, revenue_sen: 0, sst_sen: 0, average_sale_sen: 0 });
  });

  it("ranks items and services apart, by revenue then quantity", () => {
    const best = bestSellers(facts, 5);
    expect(best.items.map((b) => [b.title, b.quantity, b.revenue_sen])).toEqual([["iPhone 13 screen", 1, 45000], ["USB-C charger", 4, 10000]]);
    expect(best.services.map((b) => b.title)).toEqual(["Screen labour"]);
    expect(bestSellers(facts, 1).items).toHaveLength(1);
  });

  it("computes technician jobs, mean turnaround and revenue", () => {
    const at = (d: string) => new Date(d);
    const rows = technicianPerformance([
      { job_number: "A", technician: "Hafiz", received_at: at("2026-11-28T00:00:00Z"), completed_at: at("2026-11-29T00:00:00Z"), revenue_sen: 30000 },
      { job_number: "B", technician: "Hafiz", received_at: at("2026-11-28T00:00:00Z"), completed_at: at("2026-11-28T12:30:00Z"), revenue_sen: 10000 },
      { job_number: "C", technician: null, received_at: at("2026-11-28T00:00:00Z"), completed_at: at("2026-11-28T02:00:00Z"), revenue_sen: 0 },
    ]);
    expect(rows).toEqual([
      { technician: "Hafiz", jobs_completed: 2, average_turnaround_hours: 18.3, revenue_sen: 40000 },
      { technician: UNASSIGNED, jobs_completed: 1, average_turnaround_hours: 2, revenue_sen: 0 },
    ]);
  });

  it("takes quantity × average cost off item revenue, listing uncosted items apart", () => {
    const report = profitMargins(facts, { iitem_charger: 1500 });
    const charger = report.rows.find((r) => r.key === "var_charger")!;
    expect(charger).toMatchObject({ quantity: 4, revenue_sen: 10000, cost_sen: 6000, margin_sen: 4000, margin_bp: 4000 });
    expect(report.rows.find((r) => r.key === "var_screen")).toMatchObject({ cost_sen: null, margin_sen: null });
    expect(report).toMatchObject({ revenue_sen: 10000, cost_sen: 6000, margin_sen: 4000, margin_bp: 4000, uncosted: 1 });
    expect(report.rows.some((r) => r.key === "Screen labour")).toBe(false);
    expect(profitMargins([sale("2026-11-30T03:00:00Z", 100, [line({ revenue_sen: 100, inventory_item_id: "i" })])], { i: 150 }).rows[0]!.margin_bp).toBe(-5000);
  });

  it.each([
    [[10800, 5400], 1200, true, [10000, 5000]],
    [[10000, 5000], 1200, false, [10000, 5000]],
    [[333, 333, 334], 74, true, [309, 309, 308]],
    [[1000], 0, true, [1000]],
  ])("net line revenue of %j with SST %i (inclusive %s) is %j", (gross, sst, inclusive, net) => {
    const result = netLineRevenue(gross, sst, inclusive);
    expect(result).toEqual(net);
    if (inclusive) expect(result.reduce((a, b) => a + b, 0)).toBe(gross.reduce((a, b) => a + b, 0) - sst);
  });
});
