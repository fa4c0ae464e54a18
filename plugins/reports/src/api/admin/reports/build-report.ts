import type { MedusaContainer } from "@medusajs/framework/types";
import { SHOP_TIME_ZONE } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import {
  bestSellers, bestSellersOf, dailyOf, dailySales, marginsOf, monthlyOf, monthlyRevenue, profitMargins, reportTotals, technicianPerformance,
  technicianRowsOf, totalsOf,
} from "../../../domain/aggregate";
import type { SaleSource } from "../../../domain/facts";
import type { ShopRange } from "../../../domain/range";
import type { Report } from "../../../domain/report";
import { readReportParts } from "../../../modules/report-days/daily/read";
import { loadAverageCosts, loadCompletedJobs, loadSaleFacts } from "./sources";

const rangeOfReport = (range: ShopRange, sources: readonly SaleSource[]) =>
  ({ from: range.days[0]!, to: range.days.at(-1)!, time_zone: SHOP_TIME_ZONE, sources: [...sources] });

/**
 * Every section of the reports page for a range and the chosen sources: full days from the report
 * daily rows, the rest (today, days not refreshed yet or changed since) live (src/daily/read.ts).
 */
export async function buildReport(container: MedusaContainer, range: ShopRange, sources: readonly SaleSource[], limit: number): Promise<Report> {
  const parts = await readReportParts(container, range, sources, { lines: true, technicians: true });
  const inventoryIds = [...new Set(parts.lines.filter((g) => g.kind === "item").map((g) => g.inventory_item_id).filter((id): id is string => !!id))];
  const costs = await loadAverageCosts(container, inventoryIds);
  return {
    range: rangeOfReport(range, sources),
    totals: totalsOf(parts.sales),
    daily: dailyOf(parts.sales, range),
    monthly: monthlyOf(parts.sales),
    best_sellers: bestSellersOf(parts.lines, limit),
    technicians: technicianRowsOf(parts.technicians),
    margins: marginsOf(parts.lines, costs),
  };
}

/**
 * The same report computed from every sale of the range loaded into memory (`mode=live`): the
 * reference the daily rows are checked against, and a fallback while they are being built.
 */
export async function buildLiveReport(container: MedusaContainer, range: ShopRange, sources: readonly SaleSource[], limit: number): Promise<Report> {
  const settings = await loadShopSettings(container);
  const [facts, jobs] = await Promise.all([loadSaleFacts(container, range, sources, settings), loadCompletedJobs(container, range)]);
  const inventoryIds = [...new Set(facts.flatMap((f) => f.lines).filter((l) => l.kind === "item").map((l) => l.inventory_item_id).filter((id): id is string => !!id))];
  const costs = await loadAverageCosts(container, inventoryIds);
  return {
    range: rangeOfReport(range, sources),
    totals: reportTotals(facts),
    daily: dailySales(facts, range),
    monthly: monthlyRevenue(facts),
    best_sellers: bestSellers(facts, limit),
    technicians: technicianPerformance(jobs),
    margins: profitMargins(facts, costs),
  };
}
