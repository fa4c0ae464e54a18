import type { MedusaContainer } from "@medusajs/framework/types";
import { REPAIR_STATUSES, type RepairStatus, shopDayOf, shopDaysUtcRange, slaView, startOfShopDay } from "@voltura/domain";
import type { AwaitingQuote, Dashboard, DashboardJob, LowStockItem, OpenHandoff } from "@voltura/contracts";
import { readReportParts } from "../../../modules/report-days/daily/read";
import { knexOf, num, run, type Db, type Rows } from "../../../modules/report-days/daily/db";
import type { SqlPart } from "../../../modules/report-days/daily/facts-sql";
import { SALE_SOURCES } from "../../../domain/facts";
import { shopDayRange } from "../../../domain/range";
import { EXACT_COUNT_LIMIT, jobCards, LOW_STOCK_COUNT, newCustomers, recentJobs, slaBreaches, STATUS_STATISTICS, statusCounts } from "./dashboard-sql";
import { benchOf, revenueDays, revenueOf, type DashboardSections } from "../../../domain/dashboard-sections";
import { benchJobs, counterSales, lowStockItems, OPEN_STATUSES, openHandoffs, quotesAwaiting, readyForPickup, tablesPresent } from "./sections-sql";

const iso = (value: unknown) => new Date(value as string).toISOString();
const isoOrNull = (value: unknown) => (value === null || value === undefined ? null : iso(value));

/** A job row as the dashboard's card, with its SLA as of `now`. */
export function dashboardJob(row: Rows[number], now: Date): DashboardJob {
  const status = row.status as RepairStatus;
  const view = slaView({
    due_at: iso(row.sla_due_at), paused_ms: num(row.sla_paused_seconds) * 1000, paused_since: isoOrNull(row.sla_paused_since), status,
  }, now);
  return {
    id: String(row.id), job_number: String(row.job_number), status, priority: row.priority as DashboardJob["priority"],
    customer_name: String(row.customer_name), customer_phone: String(row.customer_phone), device_type: row.device_type as DashboardJob["device_type"],
    brand: String(row.brand), model: String(row.model), issue: String(row.issue), technician_name: (row.technician_name as string | null) ?? null,
    eta: isoOrNull(row.eta), created_at: iso(row.created_at), updated_at: iso(row.updated_at),
    sla: { due_at: view.due_at.toISOString(), remaining_ms: view.remaining_ms, breached: view.breached, state: view.state },
  };
}

/** Postgres' text form of an array ("{a,b}") of plain words. */
const words = (text: unknown) => (typeof text === "string" ? text.replace(/^\{|\}$/g, "").split(",").map((w) => w.replace(/^"|"$/g, "")) : []);

/**
 * Every status in workflow order with its count: exact up to the limit, past it the planner's
 * estimate (row count × the status's frequency), never below the limit it passed.
 */
export function statusCountsOf(capped: Rows, statistics: Rows[number] | undefined): Array<{ status: RepairStatus; count: number; estimated?: boolean }> {
  const counts = new Map(capped.map((r) => [String(r.status), num(r.n)]));
  const vals = words(statistics?.vals);
  const freqs = Array.isArray(statistics?.freqs) ? (statistics!.freqs as unknown[]).map(Number) : [];
  return REPAIR_STATUSES.map((status) => {
    const count = counts.get(status) ?? 0;
    if (count <= EXACT_COUNT_LIMIT) return { status, count };
    const at = vals.indexOf(status);
    const estimate = at >= 0 && freqs[at] !== undefined ? Math.round(num(statistics?.rows) * freqs[at]!) : 0;
    return { status, count: Math.max(estimate, count), estimated: true };
  });
}

/** Who is asking: the sections their role's dashboard computes, and their staff id (bench, counter). */
export interface DashboardViewer { sections: DashboardSections; actorId: string }

const seenTables = new Set<string>();
/** Plugin tables the dashboard reads that may not exist yet (once seen, not asked again: tables are not dropped). */
async function presentTables(db: Db, wanted: readonly string[]): Promise<Set<string>> {
  const missing = wanted.filter((t) => !seenTables.has(t));
  if (missing.length) for (const r of await run(db, tablesPresent(missing))) seenTables.add(String(r.name));
  return new Set(wanted.filter((t) => seenTables.has(t)));
}

const awaitingQuote = (r: Rows[number]): AwaitingQuote => ({
  quote_id: String(r.quote_id), version: num(r.version), sent_at: iso(r.sent_at), total_sen: r.total_sen === null || r.total_sen === undefined ? null : num(r.total_sen),
  job_id: String(r.job_id), job_number: String(r.job_number), customer_name: String(r.customer_name), brand: String(r.brand), model: String(r.model),
});
const openHandoff = (r: Rows[number]): OpenHandoff => ({
  id: String(r.id), phone: String(r.phone), customer_name: (r.customer_name as string | null) ?? null, reason: String(r.reason),
  status: r.status === "claimed" ? "claimed" : "open", assigned_name: (r.assigned_name as string | null) ?? null,
  job_number: (r.job_number as string | null) ?? null, opened_at: iso(r.opened_at),
});
const lowStockItem = (r: Rows[number]): LowStockItem => ({
  inventory_item_id: String(r.inventory_item_id), title: (r.title as string | null) ?? null, sku: (r.sku as string | null) ?? null,
  stocked: num(r.stocked), threshold: num(r.threshold),
});

export async function buildDashboard(container: MedusaContainer, viewer: DashboardViewer, now = new Date()): Promise<Dashboard> {
  const db = knexOf(container);
  const { sections } = viewer;
  const today = shopDayOf(now);
  const days = revenueDays(today);
  const todayUtc = shopDaysUtcRange(today);
  const tables = await presentTables(db, ["item_stock_profile", "concierge_handoff", "pos_sale"]);
  /** A page whose rows carry the whole count (`total`): none → 0. */
  const countAndPage = async <T>(statement: SqlPart, shape: (r: Rows[number]) => T) => {
    const rows = await run(db, statement);
    return { count: num(rows[0]?.total), rows: rows.map(shape) };
  };
  const breachesOf = async () => {
    const statements = slaBreaches(now, 10);
    const [ids, count] = await Promise.all([run(db, statements.page), run(db, statements.count)]);
    const order = ids.map((r) => String(r.id));
    const cards = order.length ? await run(db, jobCards(order)) : [];
    const byId = new Map(cards.map((r) => [String(r.id), r]));
    return { count: num(count[0]?.n), jobs: order.map((id) => byId.get(id)).filter((r): r is Rows[number] => !!r).map((r) => dashboardJob(r, now)) };
  };
  const revenueOfRange = async () => {
    const parts = await readReportParts(container, shopDayRange(days.from, today), SALE_SOURCES, { lines: false, technicians: false });
    return revenueOf(parts.sales, today);
  };
  const lowStock = tables.has("item_stock_profile");
  const counterOf = async () => {
    const [sales, ready] = await Promise.all([
      tables.has("pos_sale") ? run(db, counterSales(viewer.actorId, todayUtc.from, todayUtc.to)) : Promise.resolve([]),
      run(db, readyForPickup()),
    ]);
    return { sales: sales[0], ready: ready.map((r) => dashboardJob(r, now)) };
  };
  const [counts, statistics, recent, breaches, lowStockCount, lowStockList, revenue, customers, quotes, handoffs, bench, counter] = await Promise.all([
    run(db, statusCounts(REPAIR_STATUSES)),
    run(db, STATUS_STATISTICS),
    run(db, recentJobs(8)),
    sections.slaBreaches ? breachesOf() : Promise.resolve(undefined),
    lowStock && !sections.lowStockItems ? run(db, LOW_STOCK_COUNT).then((r) => num(r[0]?.n)) : Promise.resolve(0),
    sections.lowStockItems && lowStock ? countAndPage(lowStockItems(), lowStockItem) : Promise.resolve(undefined),
    sections.revenue ? revenueOfRange() : Promise.resolve(undefined),
    run(db, newCustomers(startOfShopDay(days.month), todayUtc.from, startOfShopDay(days.week))),
    sections.quotes ? countAndPage(quotesAwaiting(), awaitingQuote) : Promise.resolve(undefined),
    sections.handoffs && tables.has("concierge_handoff") ? countAndPage(openHandoffs(), openHandoff) : Promise.resolve(undefined),
    sections.bench ? run(db, benchJobs(viewer.actorId)).then((rows) => benchOf(rows.map((r) => dashboardJob(r, now)), OPEN_STATUSES, now)) : Promise.resolve(undefined),
    sections.counter ? counterOf() : Promise.resolve(undefined),
  ]);
  const byStatus = statusCountsOf(counts, statistics[0]);
  const readyCount = byStatus.find((c) => c.status === "completed")?.count ?? 0;
  return {
    counts: byStatus,
    total: byStatus.reduce((a, c) => a + c.count, 0),
    recent: recent.map((r) => dashboardJob(r, now)),
    ...(breaches ? { sla_breaches: breaches } : {}),
    low_stock_count: lowStockList ? lowStockList.count : lowStockCount,
    ...(lowStockList ? { low_stock: lowStockList.rows } : sections.lowStockItems ? { low_stock: [] } : {}),
    ...(revenue ? { revenue } : {}),
    new_customers: { today: num(customers[0]?.today), week: num(customers[0]?.week), month: num(customers[0]?.month) },
    ...(quotes ? { quotes_awaiting: { count: quotes.count, quotes: quotes.rows } } : {}),
    ...(handoffs ? { handoffs: { count: handoffs.count, handoffs: handoffs.rows } } : sections.handoffs ? { handoffs: { count: 0, handoffs: [] } } : {}),
    ...(bench ? { bench } : {}),
    ...(counter ? {
      counter: {
        sales_today: num(counter.sales?.n), total_sen: num(counter.sales?.total_sen), refunded_sen: num(counter.sales?.refunded_sen),
        ready_for_pickup: { count: readyCount, jobs: counter.ready },
      },
    } : {}),
    day: today,
  };
}
