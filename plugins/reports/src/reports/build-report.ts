import type { MedusaContainer } from "@medusajs/framework/types";
import type { ShopSettings } from "@voltura/domain";
import { bestSellers, dailySales, monthlyRevenue, profitMargins, reportTotals, technicianPerformance } from "../domain/aggregate";
import type { SaleSource } from "../domain/facts";
import type { ShopRange } from "../domain/range";
import { loadAverageCosts, loadCompletedJobs, loadSaleFacts } from "./sources";

/** Every section of the reports page for a range and the chosen sources. */
export async function buildReport(container: MedusaContainer, range: ShopRange, sources: readonly SaleSource[], limit: number) {
  const settings = await container.resolve<{ retrieveSettings(): Promise<ShopSettings> }>("shopSettings").retrieveSettings();
  const [facts, jobs] = await Promise.all([loadSaleFacts(container, range, sources, settings), loadCompletedJobs(container, range)]);
  const inventoryIds = [...new Set(facts.flatMap((f) => f.lines).map((l) => l.inventory_item_id).filter((id): id is string => !!id))];
  const costs = await loadAverageCosts(container, inventoryIds);
  return {
    range: { from: range.days[0]!, to: range.days.at(-1)!, time_zone: "Asia/Kuala_Lumpur", sources: [...sources] },
    totals: reportTotals(facts),
    daily: dailySales(facts, range),
    monthly: monthlyRevenue(facts),
    best_sellers: bestSellers(facts, limit),
    technicians: technicianPerformance(jobs),
    margins: profitMargins(facts, costs),
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
