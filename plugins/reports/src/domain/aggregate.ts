import { allocateProRata } from "@voltura/pos-rules";
import type { CompletedJobFact, SaleFact, SaleSource } from "./facts";
import { daySaleRows, lineGroupsOf, technicianGroupsOf, UNASSIGNED, type DaySaleRow, type LineGroup, type TechnicianGroup } from "./day-rows";
import type { ShopRange } from "./range";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export interface DailySalesRow { day: string; sales: number; revenue_sen: number; sst_sen: number; total_sen: number; by_source: Record<SaleSource, number> }

/** One row per day of the range (zero days included), in shop time. */
export function dailySales(facts: readonly SaleFact[], range: ShopRange): DailySalesRow[] {
  return dailyOf(daySaleRows(facts), range);
}

export function dailyOf(rows: readonly DaySaleRow[], range: ShopRange): DailySalesRow[] {
  const days = new Map(range.days.map((day) => [day, { day, sales: 0, revenue_sen: 0, sst_sen: 0, total_sen: 0, by_source: { pos: 0, repair: 0, invoice: 0 } } as DailySalesRow]));
  for (const row of rows) {
    const day = days.get(row.day);
    if (!day) continue;
    day.sales += row.sales;
    day.revenue_sen += row.revenue_sen;
    day.sst_sen += row.sst_sen;
    day.total_sen += row.revenue_sen + row.sst_sen;
    day.by_source[row.source] += row.revenue_sen;
  }
  return [...days.values()];
}

export interface MonthlyRevenueRow { month: string; sales: number; revenue_sen: number; sst_sen: number; average_sale_sen: number }

export function monthlyRevenue(facts: readonly SaleFact[]): MonthlyRevenueRow[] {
  return monthlyOf(daySaleRows(facts));
}

/** Months with at least one sale, in order. */
export function monthlyOf(rows: readonly DaySaleRow[]): MonthlyRevenueRow[] {
  const months = new Map<string, MonthlyRevenueRow>();
  for (const row of rows) {
    if (!row.sales) continue;
    const month = row.day.slice(0, 7);
    const entry = months.get(month) ?? { month, sales: 0, revenue_sen: 0, sst_sen: 0, average_sale_sen: 0 };
    entry.sales += row.sales;
    entry.revenue_sen += row.revenue_sen;
    entry.sst_sen += row.sst_sen;
    months.set(month, entry);
  }
  return [...months.values()]
    .map((entry) => ({ ...entry, average_sale_sen: entry.sales ? Math.round(entry.revenue_sen / entry.sales) : 0 }))
    .sort((a, b) => a.month.localeCompare(b.month));
}

export interface BestSellerRow { key: string; title: string; kind: "item" | "service"; quantity: number; revenue_sen: number }

/** Items and services ranked by revenue (then quantity, then title), top `limit` of each. */
export function bestSellers(facts: readonly SaleFact[], limit = 10): { items: BestSellerRow[]; services: BestSellerRow[] } {
  return bestSellersOf(lineGroupsOf(facts), limit);
}

export function bestSellersOf(groups: readonly LineGroup[], limit = 10): { items: BestSellerRow[]; services: BestSellerRow[] } {
  const ranked = groups
    .map(({ key, title, kind, quantity, revenue_sen }): BestSellerRow => ({ key, title, kind, quantity, revenue_sen }))
    .sort((a, b) => b.revenue_sen - a.revenue_sen || b.quantity - a.quantity || a.title.localeCompare(b.title));
  return { items: ranked.filter((r) => r.kind === "item").slice(0, limit), services: ranked.filter((r) => r.kind === "service").slice(0, limit) };
}

export interface TechnicianRow { technician: string; jobs_completed: number; average_turnaround_hours: number; revenue_sen: number }

export { UNASSIGNED };

/** Jobs completed, mean intake → completion time (hours, 1 decimal) and invoiced revenue per technician. */
export function technicianPerformance(jobs: readonly CompletedJobFact[]): TechnicianRow[] {
  return technicianRowsOf(technicianGroupsOf(jobs));
}

export function technicianRowsOf(groups: readonly TechnicianGroup[]): TechnicianRow[] {
  return groups.filter((g) => g.jobs > 0).map((g) => ({
    technician: g.technician,
    jobs_completed: g.jobs,
    average_turnaround_hours: Math.round((g.turnaround_ms / 3_600_000 / g.jobs) * 10) / 10,
    revenue_sen: g.revenue_sen,
  })).sort((a, b) => b.jobs_completed - a.jobs_completed || b.revenue_sen - a.revenue_sen || a.technician.localeCompare(b.technician));
}

export interface MarginRow {
  key: string; title: string; quantity: number; revenue_sen: number;
  /** null when the item has no average cost yet (never received). */
  cost_sen: number | null; margin_sen: number | null;
  /** Margin over revenue in basis points (2500 = 25%). */
  margin_bp: number | null;
}

export interface MarginReport { rows: MarginRow[]; revenue_sen: number; cost_sen: number; margin_sen: number; margin_bp: number | null; uncosted: number }

/**
 * Profit per stocked item: revenue less quantity × weighted average cost (from the shopInventory module).
 * Services carry no stock cost and are left out; items without a cost are listed but not summed.
 */
export function profitMargins(facts: readonly SaleFact[], averageCostSen: Readonly<Record<string, number>>): MarginReport {
  return marginsOf(lineGroupsOf(facts), averageCostSen);
}

export function marginsOf(groups: readonly LineGroup[], averageCostSen: Readonly<Record<string, number>>): MarginReport {
  const result: MarginRow[] = groups.filter((g) => g.kind === "item").map(({ key, title, quantity, revenue_sen, inventory_item_id }) => {
    const row: MarginRow = { key, title, quantity, revenue_sen, cost_sen: null, margin_sen: null, margin_bp: null };
    const unit = inventory_item_id ? averageCostSen[inventory_item_id] : undefined;
    if (unit === undefined) return row;
    const cost = unit * row.quantity;
    const margin = row.revenue_sen - cost;
    return { ...row, cost_sen: cost, margin_sen: margin, margin_bp: row.revenue_sen ? Math.round((margin * 10_000) / row.revenue_sen) : null };
  }).sort((a, b) => (b.margin_sen ?? -Infinity) - (a.margin_sen ?? -Infinity) || a.title.localeCompare(b.title));
  const costed = result.filter((r) => r.cost_sen !== null);
  const revenue = sum(costed.map((r) => r.revenue_sen));
  const cost = sum(costed.map((r) => r.cost_sen!));
  return {
    rows: result, revenue_sen: revenue, cost_sen: cost, margin_sen: revenue - cost,
    margin_bp: revenue ? Math.round(((revenue - cost) * 10_000) / revenue) : null, uncosted: result.length - costed.length,
  };
}

/**
 * Net revenue per line of a sale whose SST is only known for the whole sale: the SST comes off
 * the lines pro rata when prices include it; exclusive prices are already net.
 */
export function netLineRevenue(grossSen: readonly number[], saleSstSen: number, pricesIncludeTax: boolean): number[] {
  if (!pricesIncludeTax || saleSstSen === 0) return [...grossSen];
  const shares = allocateProRata(Math.min(saleSstSen, sum([...grossSen])), grossSen);
  return grossSen.map((g, i) => g - shares[i]!);
}

export interface ReportTotals { sales: number; revenue_sen: number; sst_sen: number; average_sale_sen: number }

export function reportTotals(facts: readonly SaleFact[]): ReportTotals {
  return totalsOf(daySaleRows(facts));
}

export function totalsOf(rows: readonly DaySaleRow[]): ReportTotals {
  const sales = sum(rows.map((r) => r.sales));
  const revenue = sum(rows.map((r) => r.revenue_sen));
  return { sales, revenue_sen: revenue, sst_sen: sum(rows.map((r) => r.sst_sen)), average_sale_sen: sales ? Math.round(revenue / sales) : 0 };
}
