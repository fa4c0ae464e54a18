/** Malaysia is UTC+8 all year (no daylight saving), so a shop day is a fixed 24 h window in UTC. */
const SHOP_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in shop time, "2026-12-01". */
export function shopToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHOP_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-12-01" (shop day) → its UTC bounds [from, to); null when not a date. */
export function shopDayBounds(day: string): { from: string; to: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start)) return null;
  return { from: new Date(start).toISOString(), to: new Date(start + 24 * 3_600_000).toISOString() };
}
