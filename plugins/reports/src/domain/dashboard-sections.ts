import { addShopDays, MANAGERS, type RepairStatus, roleAllowed, shopDayOf, shopDaysUtcRange, weekdayOfShopDate } from "@voltura/domain";
import type { Bench, DashboardJob } from "@voltura/contracts";
import type { DaySaleRow } from "./day-rows";

/** Which sections a role's dashboard computes (the console shows each role its own version). */
export interface DashboardSections {
  revenue: boolean;
  slaBreaches: boolean;
  quotes: boolean;
  handoffs: boolean;
  lowStockItems: boolean;
  bench: boolean;
  counter: boolean;
}

/**
 * Owners and managers: the shop (revenue, SLA breaches, quotes, handoffs, low stock); a technician:
 * their bench, the quotes waiting on customers and the parts running low; a cashier: their counter,
 * the quotes and handoffs a customer may ask about at the counter, low stock.
 */
export function dashboardSectionsFor(role: string | null | undefined): DashboardSections {
  const managerial = roleAllowed(role, MANAGERS);
  return {
    revenue: managerial,
    slaBreaches: managerial,
    quotes: managerial || role === "cashier" || role === "technician",
    handoffs: managerial || role === "cashier",
    lowStockItems: managerial || role === "cashier" || role === "technician",
    bench: role === "technician",
    counter: role === "cashier",
  };
}

/** The shop days the dashboard's revenue covers: today, the week from Monday, the month, and the 30 days of the sparkline. */
export function revenueDays(today: string): { week: string; month: string; series: string; from: string } {
  const weekday = weekdayOfShopDate(today); // 0 = Sunday
  const week = addShopDays(today, -((weekday + 6) % 7));
  const month = `${today.slice(0, 7)}-01`;
  const series = addShopDays(today, -29);
  return { week, month, series, from: [week, month, series].sort()[0]! };
}

/** Revenue today / this week / this month and the last 30 days, one entry per day (days without sales at 0). */
export function revenueOf(rows: readonly DaySaleRow[], today: string) {
  const days = revenueDays(today);
  const sum = (from: string, key: "revenue_sen" | "sales") => rows.filter((r) => r.day >= from && r.day <= today).reduce((a, r) => a + r[key], 0);
  const byDay = new Map<string, { revenue_sen: number; sales: number }>();
  for (const r of rows) {
    const at = byDay.get(r.day) ?? { revenue_sen: 0, sales: 0 };
    byDay.set(r.day, { revenue_sen: at.revenue_sen + r.revenue_sen, sales: at.sales + r.sales });
  }
  const daily = Array.from({ length: 30 }, (_, i) => addShopDays(days.series, i)).map((day) => ({ day, ...(byDay.get(day) ?? { revenue_sen: 0, sales: 0 }) }));
  return {
    today_sen: sum(today, "revenue_sen"), sales_today: sum(today, "sales"),
    week_sen: sum(days.week, "revenue_sen"), sales_week: sum(days.week, "sales"),
    month_sen: sum(days.month, "revenue_sen"), sales_month: sum(days.month, "sales"),
    daily,
  };
}

/**
 * A technician's bench from their open jobs (cards with their SLA as of `now`): counts per status in
 * workflow order, overdue (SLA breached) and due before the end of the shop day, the soonest due first.
 */
export function benchOf(jobs: readonly DashboardJob[], statuses: readonly RepairStatus[], now: Date, shown = 10): Bench {
  const endOfDay = shopDaysUtcRange(shopDayOf(now)).to.getTime();
  const running = jobs.filter((j) => j.sla.state !== "stopped");
  const overdue = running.filter((j) => j.sla.breached).length;
  const dueToday = running.filter((j) => !j.sla.breached && Date.parse(j.sla.due_at) < endOfDay).length;
  const soonest = [...jobs].sort((a, b) => Date.parse(a.sla.due_at) - Date.parse(b.sla.due_at) || a.id.localeCompare(b.id));
  return {
    counts: statuses.map((status) => ({ status, count: jobs.filter((j) => j.status === status).length })),
    open: jobs.length, due_today: dueToday, overdue, jobs: soonest.slice(0, shown),
  };
}

