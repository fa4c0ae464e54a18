import { shopDayOf, shopDaySchema, shopDaysUtcRange, type UtcRange } from "@voltura/domain";

/** A report's period: shop days (both included) and the half-open UTC range they cover. */
export interface ShopRange extends UtcRange {
  /** Inclusive, UTC: local midnight before the first day. `to`: exclusive, local midnight after the last day. */
  days: string[];
}

const DAY_MS = 86_400_000;

/** Days `fromDay`…`toDay` (both included, shop time) as a half-open UTC range; at most `maxDays`. */
export function shopDayRange(fromDay: string, toDay: string, maxDays = 366): ShopRange {
  shopDaySchema.parse(fromDay);
  shopDaySchema.parse(toDay);
  if (toDay < fromDay) throw new RangeError(`to (${toDay}) is before from (${fromDay})`);
  const { from, to } = shopDaysUtcRange(fromDay, toDay);
  const count = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  if (count > maxDays) throw new RangeError(`a report covers at most ${maxDays} days, asked for ${count}`);
  const days = Array.from({ length: count }, (_, i) => shopDayOf(from.getTime() + i * DAY_MS));
  return { from, to, days };
}

/** The months a range touches, "2026-11", in order. */
export function monthsOf(range: ShopRange): string[] {
  return [...new Set(range.days.map((d) => d.slice(0, 7)))];
}
