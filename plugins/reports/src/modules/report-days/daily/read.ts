import type { MedusaContainer } from "@medusajs/framework/types";
import type { SaleSource } from "../../../domain/facts";
import { mergeLineGroups, mergeTechnicianGroups, splitDays, wholeMonths, type DaySaleRow, type LineGroup, type TechnicianGroup } from "../../../domain/day-rows";
import type { ShopRange } from "../../../domain/range";
import { dayText, invoicesPresent, knexOf, num, pricesIncludeTax, run, type Db, type Rows } from "./db";
import { DAY_LINE_SELECT, DAY_SALE_SELECT, dayTechnicianSelect, factsWith, type FactWindow } from "./facts-sql";
import { changedDays, readState, WATERMARK_OVERLAP_MS } from "./refresh";

/**
 * A report's rows: full days from the daily rows, and live (from the sources, by the same SQL) the
 * days the rows do not hold yet or that changed since the last refresh. All of it in one
 * read-only REPEATABLE READ transaction, so the split and both reads see the same snapshot: the
 * answer is exact whatever the refresh is doing.
 */

export interface ReportParts {
  sales: DaySaleRow[];
  lines: LineGroup[];
  technicians: TechnicianGroup[];
  /** How many days of the range came from the daily rows and how many were computed live. */
  days: { stored: number; live: number };
}

export interface PartsWanted { lines: boolean; technicians: boolean }

const saleRow = (r: Rows[number]): DaySaleRow => ({
  day: dayText(r.day), source: r.source as SaleSource, sales: num(r.sales), revenue_sen: num(r.revenue_sen), sst_sen: num(r.sst_sen),
});
const lineGroup = (r: Rows[number]): LineGroup => ({
  kind: r.kind as LineGroup["kind"], key: String(r.key), title: String(r.title), inventory_item_id: (r.inventory_item_id as string | null) ?? null,
  first_at: new Date(r.first_at as string), quantity: num(r.quantity), revenue_sen: num(r.revenue_sen),
});
const technicianGroup = (r: Rows[number]): TechnicianGroup => ({
  technician: String(r.technician), jobs: num(r.jobs), turnaround_ms: num(r.turnaround_ms), revenue_sen: num(r.revenue_sen),
});

/** Stored days between the first and last of `days`, the other days of that span left out. */
function storedDays(days: string[], live: string[]): { sql: string; bindings: unknown[] } {
  return { sql: `day >= ?::date AND day <= ?::date AND NOT (day = ANY(?::date[]))`, bindings: [days[0], days.at(-1), live] };
}

async function readStored(db: Db, days: string[], live: string[], sources: readonly SaleSource[], wanted: PartsWanted) {
  const span = storedDays(days, live);
  const sales = await run(db, {
    sql: `SELECT day, source, sales, revenue_sen, sst_sen FROM report_day_sale WHERE ${span.sql} AND source = ANY(?::text[])`,
    bindings: [...span.bindings, sources],
  });
  const split = wholeMonths(days.filter((d) => !live.includes(d)));
  const lines = wanted.lines ? await run(db, {
    // The earliest row's title and item ride on a min() of a fixed-width time stamp (a hash aggregate, no sort).
    sql: `SELECT kind, key, min(to_char(first_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || chr(31) || coalesce(inventory_item_id, '') || chr(31) || title) AS earliest,
            min(first_at) AS first_at, sum(quantity) AS quantity, sum(revenue_sen) AS revenue_sen
          FROM (SELECT kind, key, title, inventory_item_id, first_at, quantity, revenue_sen FROM report_month_line WHERE month = ANY(?::date[]) AND source = ANY(?::text[])
                UNION ALL
                SELECT kind, key, title, inventory_item_id, first_at, quantity, revenue_sen FROM report_day_line WHERE day = ANY(?::date[]) AND source = ANY(?::text[])) stored
          GROUP BY kind, key`,
    bindings: [split.months, sources, split.days, sources],
  }) : [];
  const technicians = wanted.technicians ? await run(db, {
    sql: `SELECT technician, sum(jobs) AS jobs, sum(turnaround_ms) AS turnaround_ms, sum(revenue_sen) AS revenue_sen
          FROM report_day_technician WHERE ${span.sql} GROUP BY technician`,
    bindings: span.bindings,
  }) : [];
  return { sales: sales.map(saleRow), lines: lines.map((r) => lineGroup({ ...r, ...earliestOf(r.earliest) })), technicians: technicians.map(technicianGroup) };
}

/** "<stamp>\x1f<inventory item>\x1f<title>" → its inventory item and title (a title may hold anything, so it goes last). */
export function earliestOf(value: unknown): { inventory_item_id: string | null; title: string } {
  const text = String(value);
  const first = text.indexOf("\x1f");
  const second = text.indexOf("\x1f", first + 1);
  const item = text.slice(first + 1, second);
  return { inventory_item_id: item || null, title: text.slice(second + 1) };
}

async function readLive(db: Db, live: string[], sources: readonly SaleSource[], wanted: PartsWanted, includeTax: boolean, withInvoices: boolean) {
  const window: FactWindow = { kind: "days", days: live };
  const facts = factsWith(window, { sources, pricesIncludeTax: includeTax, invoicesPresent: withInvoices });
  const sales = await run(db, { sql: `${facts.sql} ${DAY_SALE_SELECT}`, bindings: facts.bindings });
  const lines = wanted.lines ? await run(db, { sql: `${facts.sql} ${DAY_LINE_SELECT}`, bindings: facts.bindings }) : [];
  const technicians = wanted.technicians ? await run(db, dayTechnicianSelect(window)) : [];
  return { sales: sales.map(saleRow), lines: lines.map(lineGroup), technicians: technicians.map(technicianGroup) };
}

export async function readReportParts(container: MedusaContainer, range: ShopRange, sources: readonly SaleSource[], wanted: PartsWanted): Promise<ReportParts> {
  const includeTax = await pricesIncludeTax(container);
  return knexOf(container).transaction(async (trx) => {
    await trx.raw(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    const withInvoices = await invoicesPresent(trx);
    const state = await readState(trx);
    const usable = state?.watermark && state.complete_before && state.prices_include_tax === includeTax ? state : null;
    const changed = usable ? await changedDays(trx, new Date(usable.watermark!.getTime() - WATERMARK_OVERLAP_MS), usable.complete_before!, withInvoices) : [];
    const split = splitDays(range, usable?.complete_before ?? null, new Set(changed));
    const empty = { sales: [], lines: [], technicians: [] };
    const stored = split.stored.length ? await readStored(trx, split.stored, split.live, sources, wanted) : empty;
    const live = split.live.length ? await readLive(trx, split.live, sources, wanted, includeTax, withInvoices) : empty;
    return {
      sales: [...stored.sales, ...live.sales],
      lines: mergeLineGroups(stored.lines, live.lines),
      technicians: mergeTechnicianGroups(stored.technicians, live.technicians),
      days: { stored: split.stored.length, live: split.live.length },
    };
  });
}
