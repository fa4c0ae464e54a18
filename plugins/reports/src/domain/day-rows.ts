import { addShopDays, shopDayOf, shopDaysUtcRange } from "@voltura/domain";
import type { CompletedJobFact, SaleFact, SaleSource } from "./facts";
import type { ShopRange } from "./range";

/**
 * What a report is made of once sales are summed per shop day: the rows stored per day (report
 * daily rows) and the rows computed live for today have this shape, and every section is computed
 * from them, so a report from stored days plus live days equals one computed from the sales.
 */

export interface DaySaleRow { day: string; source: SaleSource; sales: number; revenue_sen: number; sst_sen: number }

/** Items and services sold, summed; title and inventory item are those of the first sale (`first_at`). */
export interface LineGroup {
  kind: "item" | "service"; key: string; title: string; inventory_item_id: string | null; first_at: Date; quantity: number; revenue_sen: number;
}

export interface TechnicianGroup { technician: string; jobs: number; turnaround_ms: number; revenue_sen: number }

export const UNASSIGNED = "Unassigned";

/** Sales per shop day and source. */
export function daySaleRows(facts: readonly SaleFact[]): DaySaleRow[] {
  const rows = new Map<string, DaySaleRow>();
  for (const fact of facts) {
    const day = shopDayOf(fact.at);
    const id = `${day}|${fact.source}`;
    const row = rows.get(id) ?? { day, source: fact.source, sales: 0, revenue_sen: 0, sst_sen: 0 };
    row.sales += 1;
    row.revenue_sen += fact.revenue_sen;
    row.sst_sen += fact.sst_sen;
    rows.set(id, row);
  }
  return [...rows.values()];
}

/** Lines of the sales grouped by kind and key, in the order they were first sold. */
export function lineGroupsOf(facts: readonly SaleFact[]): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const fact of facts) {
    for (const line of fact.lines) {
      const id = `${line.kind}:${line.key}`;
      const group = groups.get(id) ?? { kind: line.kind, key: line.key, title: line.title, inventory_item_id: line.inventory_item_id, first_at: fact.at, quantity: 0, revenue_sen: 0 };
      group.quantity += line.quantity;
      group.revenue_sen += line.revenue_sen;
      groups.set(id, group);
    }
  }
  return [...groups.values()];
}

/** Groups from several parts (stored days, live days) as one: sums, and the earliest title. */
export function mergeLineGroups(...parts: ReadonlyArray<readonly LineGroup[]>): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const group of parts.flat().sort((a, b) => a.first_at.getTime() - b.first_at.getTime())) {
    const id = `${group.kind}:${group.key}`;
    const merged = groups.get(id);
    if (!merged) {
      groups.set(id, { ...group });
      continue;
    }
    merged.quantity += group.quantity;
    merged.revenue_sen += group.revenue_sen;
  }
  return [...groups.values()];
}

export function technicianGroupsOf(jobs: readonly CompletedJobFact[]): TechnicianGroup[] {
  return mergeTechnicianGroups(jobs.map((job) => ({
    technician: job.technician?.trim() || UNASSIGNED, jobs: 1, turnaround_ms: job.completed_at.getTime() - job.received_at.getTime(), revenue_sen: job.revenue_sen,
  })));
}

export function mergeTechnicianGroups(...parts: ReadonlyArray<readonly TechnicianGroup[]>): TechnicianGroup[] {
  const groups = new Map<string, TechnicianGroup>();
  for (const group of parts.flat()) {
    const merged = groups.get(group.technician) ?? { technician: group.technician, jobs: 0, turnaround_ms: 0, revenue_sen: 0 };
    merged.jobs += group.jobs;
    merged.turnaround_ms += group.turnaround_ms;
    merged.revenue_sen += group.revenue_sen;
    groups.set(group.technician, merged);
  }
  return [...groups.values()];
}

/**
 * Consecutive shop days as half-open UTC ranges (local midnight to local midnight), so a set of
 * changed days is read with a few index range scans.
 */
export function dayRanges(days: readonly string[]): Array<{ from: Date; to: Date }> {
  const sorted = [...new Set(days)].sort();
  const ranges: Array<{ from: Date; to: Date }> = [];
  for (const day of sorted) {
    const { from, to } = shopDaysUtcRange(day);
    const last = ranges.at(-1);
    if (last && last.to.getTime() === from.getTime()) last.to = to;
    else ranges.push({ from, to });
  }
  return ranges;
}

/** Shop days from `fromDay` up to, not including, `beforeDay`. */
export function daysBetween(fromDay: string, beforeDay: string): string[] {
  const days: string[] = [];
  for (let day = fromDay; day < beforeDay; day = addShopDays(day, 1)) days.push(day);
  return days;
}

/**
 * Stored days as whole calendar months (every day of the month stored: read from the month rows)
 * and the remaining days (read from the day rows). Months as their first day, "2026-11-01".
 */
export function wholeMonths(stored: readonly string[]): { months: string[]; days: string[] } {
  const byMonth = new Map<string, string[]>();
  for (const day of new Set(stored)) byMonth.set(day.slice(0, 7), [...(byMonth.get(day.slice(0, 7)) ?? []), day]);
  const months: string[] = [];
  const days: string[] = [];
  for (const [month, list] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const length = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    if (list.length === length) months.push(`${month}-01`);
    else days.push(...list.sort());
  }
  return { months, days };
}

/**
 * Which days of a report come from the stored rows and which are computed live: a day is stored
 * when it is before `completeBefore` (the refresh has written it) and has not changed since the
 * last refresh; everything else (today, days the refresh has not reached, changed days) is live.
 */
export function splitDays(range: ShopRange, completeBefore: string | null, changed: ReadonlySet<string>): { stored: string[]; live: string[] } {
  const stored: string[] = [];
  const live: string[] = [];
  for (const day of range.days) {
    if (completeBefore !== null && day < completeBefore && !changed.has(day)) stored.push(day);
    else live.push(day);
  }
  return { stored, live };
}
