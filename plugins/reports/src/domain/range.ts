import { z } from "zod";

/**
 * Shop-time date ranges. Malaysia keeps UTC+8 all year (no daylight saving), so a local day runs
 * from 16:00 UTC the day before to 16:00 UTC: day boundaries are local midnight.
 */
const MYT_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export const shopDaySchema = z.string().regex(dayPattern, "expected a date like 2026-11-30").refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
}, "is not a calendar date");

/** The shop-time calendar day of an instant, "2026-11-30". */
export function shopDay(at: Date): string {
  return new Date(at.getTime() + MYT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The shop-time month of an instant, "2026-11". */
export function shopMonth(at: Date): string {
  return shopDay(at).slice(0, 7);
}

/** Local midnight at the start of `day`, as a UTC instant. */
export function startOfShopDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - MYT_OFFSET_MS);
}

export interface ShopRange {
  /** Inclusive, UTC. */
  from: Date;
  /** Exclusive, UTC: local midnight after the last day. */
  to: Date;
  days: string[];
}

/** Days `fromDay`…`toDay` (both included, shop time) as a half-open UTC range; at most `maxDays`. */
export function shopDayRange(fromDay: string, toDay: string, maxDays = 366): ShopRange {
  shopDaySchema.parse(fromDay);
  shopDaySchema.parse(toDay);
  if (toDay < fromDay) throw new RangeError(`to (${toDay}) is before from (${fromDay})`);
  const from = startOfShopDay(fromDay);
  const to = new Date(startOfShopDay(toDay).getTime() + DAY_MS);
  const count = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (count > maxDays) throw new RangeError(`a report covers at most ${maxDays} days, asked for ${count}`);
  const days = Array.from({ length: count }, (_, i) => shopDay(new Date(from.getTime() + i * DAY_MS)));
  return { from, to, days };
}

/** The months a range touches, "2026-11", in order. */
export function monthsOf(range: ShopRange): string[] {
  return [...new Set(range.days.map((d) => d.slice(0, 7)))];
}
