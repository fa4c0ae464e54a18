import type { StaffRole } from "@voltura/domain";

/** Which dashboard each role gets: owners and managers the shop, a technician their bench, a cashier the counter. */
export type DashboardVersion = "shop" | "bench" | "counter";

export function dashboardVersion(role: StaffRole): DashboardVersion {
  if (role === "technician") return "bench";
  if (role === "cashier") return "counter";
  return "shop";
}

/** A 30-day series as SVG polyline points in a width × height box (a flat line at the bottom when all zero). */
export function sparklinePoints(values: readonly number[], width: number, height: number, pad = 2): string {
  if (!values.length) return "";
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = pad + i * step;
      const y = max > 0 ? height - pad - (v / max) * (height - 2 * pad) : height - pad;
      return `${round(x)},${round(y)}`;
    })
    .join(" ");
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The best day of a series (the first one on a tie), or null when nothing sold. */
export function bestDay<T extends { revenue_sen: number }>(days: readonly T[]): T | null {
  return days.reduce<T | null>((best, d) => (d.revenue_sen > (best?.revenue_sen ?? 0) ? d : best), null);
}
