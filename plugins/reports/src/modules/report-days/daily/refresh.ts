import type { MedusaContainer } from "@medusajs/framework/types";
import { shopDayOf, startOfShopDay } from "@voltura/domain";
import { SALE_SOURCES } from "../../../domain/facts";
import { daysBetween } from "../../../domain/day-rows";
import { dayText, invoicesPresent, knexOf, pricesIncludeTax, run, type Db } from "./db";
import { DAY_LINE_SELECT, DAY_SALE_SELECT, dayOf, dayTechnicianSelect, factsWith, type FactWindow, type SqlPart } from "./facts-sql";

/**
 * Keeps the report daily rows (report_day_sale / _line / _technician) up to date.
 *
 * First fill: every day before today in three set-based INSERT … SELECT … GROUP BY statements.
 * Then incrementally: the days whose sources changed since the watermark (index scans on
 * updated_at), plus the days between the last refresh and today, are deleted and recomputed. Each
 * batch of days is one transaction; the last one also writes the state (watermark, complete_before),
 * so a refresh killed midway leaves the state as it was and the next run does that work again.
 */

export const STATE_ID = "daily";
/** Changes are looked for this far before the watermark: a write that committed late with an older updated_at is still seen. */
export const WATERMARK_OVERLAP_MS = 10 * 60_000;
const DAYS_PER_BATCH = 92;
const EPOCH = new Date("2000-01-01T00:00:00Z");

export interface RefreshState { watermark: Date | null; complete_before: string | null; prices_include_tax: boolean | null }

export interface RefreshResult { mode: "fill" | "incremental" | "busy"; days: number; ms: number }

export interface RefreshOptions {
  now?: Date;
  /** Called inside the last transaction just before it commits (tests fail a refresh here). */
  beforeCommit?: () => Promise<void> | void;
}

export async function readState(db: Db): Promise<RefreshState | null> {
  const [row] = await run(db, { sql: `SELECT watermark, complete_before, prices_include_tax FROM report_refresh_state WHERE id = ?`, bindings: [STATE_ID] });
  if (!row) return null;
  return {
    watermark: row.watermark ? new Date(row.watermark as string) : null,
    complete_before: (row.complete_before as string | null) ?? null,
    prices_include_tax: (row.prices_include_tax as boolean | null) ?? null,
  };
}

async function writeState(db: Db, state: RefreshState): Promise<void> {
  await db.raw(
    `INSERT INTO report_refresh_state (id, watermark, complete_before, prices_include_tax) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET watermark = excluded.watermark, complete_before = excluded.complete_before,
       prices_include_tax = excluded.prices_include_tax, updated_at = now()`,
    [STATE_ID, state.watermark, state.complete_before, state.prices_include_tax],
  );
}

/** Shop days before `before` whose sources changed after `since` (each branch an index scan on updated_at). */
export function changedDaysStatement(since: Date, before: string, withInvoices: boolean): SqlPart {
  const branches = [
    `SELECT ${dayOf("o.created_at")} AS day FROM "order" o WHERE (o.metadata ->> 'source') = 'pos' AND o.updated_at > ?`,
    `SELECT ${dayOf("o.created_at")} FROM order_item oi JOIN "order" o ON o.id = oi.order_id WHERE oi.updated_at > ? AND (o.metadata ->> 'source') = 'pos'`,
    `SELECT ${dayOf("ri.issued_at")} FROM repair_invoice ri WHERE ri.updated_at > ?`,
    `SELECT ${dayOf("ri.issued_at")} FROM repair_line rl JOIN repair_invoice ri ON ri.repair_job_id = rl.repair_job_id AND ri.deleted_at IS NULL WHERE rl.updated_at > ?`,
    `SELECT ${dayOf("rj.completed_at")} FROM repair_invoice ri JOIN repair_job rj ON rj.id = ri.repair_job_id WHERE ri.updated_at > ? AND rj.completed_at IS NOT NULL`,
    `SELECT ${dayOf("rj.completed_at")} FROM repair_job rj WHERE rj.updated_at > ? AND rj.deleted_at IS NULL AND rj.completed_at IS NOT NULL`,
    ...(withInvoices ? [`SELECT ${dayOf("si.issued_at")} FROM sales_invoice si WHERE si.updated_at > ?`] : []),
  ];
  return {
    sql: `SELECT DISTINCT day FROM (${branches.join(" UNION ")}) changed WHERE day IS NOT NULL AND day < ?::date ORDER BY day`,
    bindings: [...branches.map(() => since), before],
  };
}

export async function changedDays(db: Db, since: Date, before: string, withInvoices: boolean): Promise<string[]> {
  return (await run(db, changedDaysStatement(since, before, withInvoices))).map((r) => dayText(r.day));
}

/** Deletes and recomputes the rows of the window's days. */
async function rewriteDays(db: Db, window: FactWindow, days: readonly string[] | "all", includeTax: boolean, withInvoices: boolean): Promise<void> {
  const which = days === "all" ? { sql: "TRUE", bindings: [] as unknown[] } : { sql: "day = ANY(?::date[])", bindings: [days] };
  for (const table of ["report_day_sale", "report_day_line", "report_day_technician"]) {
    await db.raw(`DELETE FROM ${table} WHERE ${which.sql}`, which.bindings);
  }
  const facts = factsWith(window, { sources: SALE_SOURCES, pricesIncludeTax: includeTax, invoicesPresent: withInvoices });
  await db.raw(`INSERT INTO report_day_sale (day, source, sales, revenue_sen, sst_sen) ${facts.sql} ${DAY_SALE_SELECT}`, facts.bindings);
  await db.raw(`INSERT INTO report_day_line (day, source, kind, key, title, inventory_item_id, first_at, quantity, revenue_sen) ${facts.sql} ${DAY_LINE_SELECT}`, facts.bindings);
  const technicians = dayTechnicianSelect(window);
  await db.raw(`INSERT INTO report_day_technician (day, technician, jobs, turnaround_ms, revenue_sen) ${technicians.sql}`, technicians.bindings);
  await rollUpMonths(db, days === "all" ? "all" : [...new Set(days.map((d) => `${d.slice(0, 7)}-01`))]);
}

/** Rebuilds the month lines of the months given from their day lines. */
async function rollUpMonths(db: Db, months: readonly string[] | "all"): Promise<void> {
  const which = months === "all" ? { sql: "TRUE", bindings: [] as unknown[] } : { sql: "month = ANY(?::date[])", bindings: [months] };
  const days = months === "all" ? { sql: "TRUE", bindings: [] as unknown[] } : { sql: "date_trunc('month', day)::date = ANY(?::date[]) AND day >= ?::date", bindings: [months, [...months].sort()[0]] };
  await db.raw(`DELETE FROM report_month_line WHERE ${which.sql}`, which.bindings);
  await db.raw(
    `INSERT INTO report_month_line (month, source, kind, key, title, inventory_item_id, first_at, quantity, revenue_sen)
     SELECT date_trunc('month', day)::date, source, kind, key, title, inventory_item_id, min(first_at), sum(quantity), sum(revenue_sen)
     FROM report_day_line WHERE ${days.sql} GROUP BY 1, 2, 3, 4, 5, 6`,
    days.bindings,
  );
}

/** One refresh at a time across instances: the others skip (the next minute's run catches up). */
async function takeRefreshLock(db: Db): Promise<boolean> {
  const [row] = await run(db, { sql: `SELECT pg_try_advisory_xact_lock(hashtext('report-day-refresh')) AS ok`, bindings: [] });
  return Boolean(row?.ok);
}

export async function refreshReportDays(container: MedusaContainer, options: RefreshOptions = {}): Promise<RefreshResult> {
  const started = Date.now();
  const knex = knexOf(container);
  const now = options.now ?? new Date();
  const today = shopDayOf(now);
  const includeTax = await pricesIncludeTax(container);
  const withInvoices = await invoicesPresent(knex);
  const state = await readState(knex);

  if (!state?.complete_before || !state.watermark || state.prices_include_tax !== includeTax) {
    const done = await knex.transaction(async (trx) => {
      if (!(await takeRefreshLock(trx))) return false;
      const fresh = await readState(trx);
      if (fresh?.complete_before && fresh.watermark && fresh.prices_include_tax === includeTax) return true;
      const [clock] = await run(trx, { sql: `SELECT now() AS at`, bindings: [] });
      await rewriteDays(trx, { kind: "range", from: EPOCH, to: startOfShopDay(today) }, "all", includeTax, withInvoices);
      await options.beforeCommit?.();
      await writeState(trx, { watermark: new Date(clock!.at as string), complete_before: today, prices_include_tax: includeTax });
      return true;
    });
    return { mode: done ? "fill" : "busy", days: 0, ms: Date.now() - started };
  }

  const [clock] = await run(knex, { sql: `SELECT now() AS at`, bindings: [] });
  const watermark = new Date(clock!.at as string);
  const changed = await changedDays(knex, new Date(state.watermark.getTime() - WATERMARK_OVERLAP_MS), state.complete_before, withInvoices);
  const days = [...new Set([...changed, ...daysBetween(state.complete_before, today)])].sort();
  const batches: string[][] = [];
  for (let i = 0; i < days.length; i += DAYS_PER_BATCH) batches.push(days.slice(i, i + DAYS_PER_BATCH));
  if (!batches.length) batches.push([]);
  for (const [index, batch] of batches.entries()) {
    const last = index === batches.length - 1;
    const done = await knex.transaction(async (trx) => {
      if (!(await takeRefreshLock(trx))) return false;
      if (batch.length) await rewriteDays(trx, { kind: "days", days: batch }, batch, includeTax, withInvoices);
      if (!last) return true;
      await options.beforeCommit?.();
      await writeState(trx, { watermark, complete_before: today > state.complete_before! ? today : state.complete_before, prices_include_tax: includeTax });
      return true;
    });
    if (!done) return { mode: "busy", days: 0, ms: Date.now() - started };
  }
  return { mode: "incremental", days: days.length, ms: Date.now() - started };
}
