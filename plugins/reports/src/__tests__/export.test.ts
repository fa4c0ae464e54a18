import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { bestSellers, dailySales, monthlyRevenue, profitMargins, reportTotals, technicianPerformance } from "../domain/aggregate";
import { shopDayRange } from "../domain/range";
import type { Report } from "../domain/report";
import { REPORT_SECTIONS, reportCsv, sectionTable } from "../api/admin/reports/report-export";

const range = shopDayRange("2026-11-29", "2026-11-30");
const facts = [{
  source: "pos" as const, reference: "RCP-2026-000001", at: new Date("2026-11-30T03:00:00Z"), revenue_sen: 5000, sst_sen: 400, technician: null,
  lines: [{ key: "v1", title: 'Charger, "fast" 20W', kind: "item" as const, quantity: 2, revenue_sen: 5000, inventory_item_id: "i1" }],
}];
const report: Report = {
  range: { from: "2026-11-29", to: "2026-11-30", time_zone: "Asia/Kuala_Lumpur", sources: ["pos"] },
  totals: reportTotals(facts), daily: dailySales(facts, range), monthly: monthlyRevenue(facts), best_sellers: bestSellers(facts),
  technicians: technicianPerformance([]), margins: profitMargins(facts, { i1: 1500 }),
};

describe("report export", () => {
  it("writes CSV with a header and ringgit amounts, quoting commas and quotes", () => {
    const rows = parse(reportCsv(report, "daily")) as string[][];
    expect(rows[0]).toEqual(["Day", "Sales", "Revenue (RM)", "SST (RM)", "Total (RM)", "POS (RM)", "Repairs (RM)", "Invoices (RM)"]);
    expect(rows.slice(1)).toEqual([["2026-11-29", "0", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"], ["2026-11-30", "1", "50.00", "4.00", "54.00", "50.00", "0.00", "0.00"]]);
    const best = parse(reportCsv(report, "best_sellers")) as string[][];
    expect(best[1]).toEqual(["item", 'Charger, "fast" 20W', "2", "50.00"]);
    const margins = parse(reportCsv(report, "margins")) as string[][];
    expect(margins[1]).toEqual(['Charger, "fast" 20W', "2", "50.00", "30.00", "20.00", "40.0"]);
  });

  it("neutralises spreadsheet formulas typed into item titles, keeping amounts as numbers", () => {
    const risky = [{ ...facts[0]!, lines: [{ ...facts[0]!.lines[0]!, title: '=HYPERLINK("http://evil.example","x")' }] }];
    const riskyReport: Report = { ...report, best_sellers: bestSellers(risky), margins: profitMargins(risky, { i1: 4000 }) };
    const best = parse(reportCsv(riskyReport, "best_sellers")) as string[][];
    expect(best[1]?.[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    const margins = parse(reportCsv(riskyReport, "margins")) as string[][];
    expect(margins[1]).toEqual([`'=HYPERLINK("http://evil.example","x")`, "2", "50.00", "80.00", "-30.00", "-60.0"]);
  });

  it("has a table for every section with one cell per column", () => {
    for (const section of REPORT_SECTIONS) {
      const table = sectionTable(report, section);
      expect(table.rows.every((r) => r.length === table.columns.length)).toBe(true);
    }
  });
});
