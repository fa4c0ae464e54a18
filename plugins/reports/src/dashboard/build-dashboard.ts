import type { MedusaContainer } from "@medusajs/framework/types";
import { REPAIR_STATUSES, slaView, type RepairStatus } from "@voltura/domain";
import type { Dashboard, DashboardJob } from "@voltura/medusa-client";
import { readReportParts } from "../daily/read";
import { knexOf, num, run, type Rows } from "../daily/db";
import { SALE_SOURCES } from "../domain/facts";
import { shopDay, shopDayRange, startOfShopDay } from "../domain/range";
import { EXACT_COUNT_LIMIT, jobCards, LOW_STOCK_COUNT, newCustomers, recentJobs, slaBreaches, STATUS_STATISTICS, statusCounts } from "./dashboard-sql";

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

export interface DashboardAccess { slaBreaches: boolean; revenue: boolean }

export async function buildDashboard(container: MedusaContainer, access: DashboardAccess, now = new Date()): Promise<Dashboard> {
  const db = knexOf(container);
  const today = shopDay(now);
  const monthStartDay = `${today.slice(0, 7)}-01`;
  const breachesOf = async () => {
    const statements = slaBreaches(now, 10);
    const [ids, count] = await Promise.all([run(db, statements.page), run(db, statements.count)]);
    const order = ids.map((r) => String(r.id));
    const cards = order.length ? await run(db, jobCards(order)) : [];
    const byId = new Map(cards.map((r) => [String(r.id), r]));
    return { count: num(count[0]?.n), jobs: order.map((id) => byId.get(id)).filter((r): r is Rows[number] => !!r).map((r) => dashboardJob(r, now)) };
  };
  const revenueOf = async () => {
    const parts = await readReportParts(container, shopDayRange(monthStartDay, today), SALE_SOURCES, { lines: false, technicians: false });
    const ofToday = parts.sales.filter((r) => r.day === today);
    const total = (rows: typeof parts.sales, key: "revenue_sen" | "sales") => rows.reduce((a, r) => a + r[key], 0);
    return { today_sen: total(ofToday, "revenue_sen"), month_sen: total(parts.sales, "revenue_sen"), sales_today: total(ofToday, "sales"), sales_month: total(parts.sales, "sales") };
  };
  const lowStockOf = async () => {
    const [present] = await run(db, { sql: `SELECT to_regclass('public.item_stock_profile') IS NOT NULL AS ok`, bindings: [] });
    return present?.ok ? num((await run(db, LOW_STOCK_COUNT))[0]?.n) : 0;
  };
  const [counts, statistics, recent, breaches, lowStock, revenue, customers] = await Promise.all([
    run(db, statusCounts(REPAIR_STATUSES)),
    run(db, STATUS_STATISTICS),
    run(db, recentJobs(8)),
    access.slaBreaches ? breachesOf() : Promise.resolve(undefined),
    lowStockOf(),
    access.revenue ? revenueOf() : Promise.resolve(undefined),
    run(db, newCustomers(startOfShopDay(monthStartDay), startOfShopDay(today))),
  ]);
  const byStatus = statusCountsOf(counts, statistics[0]);
  return {
    counts: byStatus,
    total: byStatus.reduce((a, c) => a + c.count, 0),
    recent: recent.map((r) => dashboardJob(r, now)),
    ...(breaches ? { sla_breaches: breaches } : {}),
    low_stock_count: lowStock,
    ...(revenue ? { revenue } : {}),
    new_customers: { today: num(customers[0]?.today), month: num(customers[0]?.month) },
    day: today,
  };
}
