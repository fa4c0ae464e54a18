import { allocateProRata } from "@voltura/pos-rules";
import type { CompletedJobFact, SaleFact, SaleSource } from "./facts";
import { shopDay, shopMonth, type ShopRange } from "./range";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export interface DailySalesRow { day: string; sales: number; revenue_sen: number; sst_sen: number; total_sen: number; by_source: Record<SaleSource, number> }

/** One row per day of the range (zero days included), in shop time. */
export function dailySales(facts: readonly SaleFact[], range: ShopRange): DailySalesRow[] {
  const rows = new Map(range.days.map((day) => [day, { day, sales: 0, revenue_sen: 0, sst_sen: 0, total_sen: 0, by_source: { pos: 0, repair: 0, invoice: 0 } } as DailySalesRow]));
  for (const fact of facts) {
    const row = rows.get(shopDay(fact.at));
    if (!row) continue;
    row.sales += 1;
    row.revenue_sen += fact.revenue_sen;
    row.sst_sen += fact.sst_sen;
    row.total_sen += fact.revenue_sen + fact.sst_sen;
    row.by_source[fact.source] += fact.revenue_sen;
  }
  return [...rows.values()];
}

export interface MonthlyRevenueRow { month: string; sales: number; revenue_sen: number; sst_sen: number; average_sale_sen: number }

export function monthlyRevenue(facts: readonly SaleFact[]): MonthlyRevenueRow[] {
  const rows = new Map<string, MonthlyRevenueRow>();
  for (const fact of facts) {
    const month = shopMonth(fact.at);
    const row = rows.get(month) ?? { month, sales: 0, revenue_sen: 0, sst_sen: 0, average_sale_sen: 0 };
    row.sales += 1;
    row.revenue_sen += fact.revenue_sen;
    row.sst_sen += fact.sst_sen;
    rows.set(month, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, average_sale_sen: row.sales ? Math.round(row.revenue_sen / row.sales) : 0 }))
    .sort((a, b) => a.month.localeCompare(b.month));
}

export interface BestSellerRow { key: string; title: string; kind: "item" | "service"; quantity: number; revenue_sen: number }

/** Items and services ranked by revenue (then quantity, then title), top `limit` of each. */
export function bestSellers(facts: readonly SaleFact[], limit = 10): { items: BestSellerRow[]; services: BestSellerRow[] } {
  const rows = new Map<string, BestSellerRow>();
  for (const line of facts.flatMap((f) => f.lines)) {
    const id = `${line.kind}:${line.key}`;
    const row = rows.get(id) ?? { key: line.key, title: line.title, kind: line.kind, quantity: 0, revenue_sen: 0 };
    row.quantity += line.quantity;
    row.revenue_sen += line.revenue_sen;
    rows.set(id, row);
  }
  const ranked = [...rows.values()].sort((a, b) => b.revenue_sen - a.revenue_sen || b.quantity - a.quantity || a.title.localeCompare(b.title));
  return { items: ranked.filter((r) => r.kind === "item").slice(0, limit), services: ranked.filter((r) => r.kind === "service").slice(0, limit) };
}

export interface TechnicianRow { technician: string; jobs_completed: number; average_turnaround_hours: number; revenue_sen: number }

export const UNASSIGNED = "Unassigned";

/** Jobs completed, mean intake → completion time (hours, 1 decimal) and invoiced revenue per technician. */
export function technicianPerformance(jobs: readonly CompletedJobFact[]): TechnicianRow[] {
  const groups = new Map<string, CompletedJobFact[]>();
  for (const job of jobs) {
    const name = job.technician?.trim() || UNASSIGNED;
    groups.set(name, [...(groups.get(name) ?? []), job]);
  }
  return [...groups.entries()].map(([technician, list]) => {
    const hours = list.map((j) => (j.completed_at.getTime() - j.received_at.getTime()) / 3_600_000);
    return {
      technician,
      jobs_completed: list.length,
      average_turnaround_hours: Math.round((sum(hours) / list.length) * 10) / 10,
      revenue_sen: sum(list.map((j) => j.revenue_sen)),
    };
  }).sort((a, b) => b.jobs_completed - a.jobs_completed || b.revenue_sen - a.revenue_sen || a.technician.localeCompare(b.technician));
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
 * Profit per stocked item: revenue less quantity × weighted average cost (from procurement).
 * Services carry no stock cost and are left out; items without a cost are listed but not summed.
 */
export function profitMargins(facts: readonly SaleFact[], averageCostSen: Readonly<Record<string, number>>): MarginReport {
  const rows = new Map<string, MarginRow & { inventory_item_id: string | null }>();
  for (const line of facts.flatMap((f) => f.lines).filter((l) => l.kind === "item")) {
    const row = rows.get(line.key) ?? { key: line.key, title: line.title, quantity: 0, revenue_sen: 0, cost_sen: null, margin_sen: null, margin_bp: null, inventory_item_id: line.inventory_item_id };
    row.quantity += line.quantity;
    row.revenue_sen += line.revenue_sen;
    rows.set(line.key, row);
  }
  const result: MarginRow[] = [...rows.values()].map(({ inventory_item_id, ...row }) => {
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
  const revenue = sum(facts.map((f) => f.revenue_sen));
  return { sales: facts.length, revenue_sen: revenue, sst_sen: sum(facts.map((f) => f.sst_sen)), average_sale_sen: facts.length ? Math.round(revenue / facts.length) : 0 };
}
