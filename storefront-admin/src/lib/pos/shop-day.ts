import { isShopDay, shopDayOf, shopDaysUtcRange } from "@voltura/domain";

/** Today's date in shop time, "2026-12-01". */
export function shopToday(now: Date = new Date()): string {
  return shopDayOf(now);
}

/** "2026-12-01" (shop day) → its UTC bounds [from, to); null when not a calendar date. */
export function shopDayBounds(day: string): { from: string; to: string } | null {
  if (!isShopDay(day)) return null;
  const { from, to } = shopDaysUtcRange(day);
  return { from: from.toISOString(), to: to.toISOString() };
}
