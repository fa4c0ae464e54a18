export const SHOP_TIME_ZONE = "Asia/Kuala_Lumpur";

/** Formats a UTC instant in the shop's time zone, e.g. "24 Nov 2026, 3:05 pm". */
export function formatShopTime(at: Date | string, timeZone = SHOP_TIME_ZONE): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return new Intl.DateTimeFormat("en-MY", {
    timeZone, day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit",
  }).format(d);
}

/** The calendar year in the shop's time zone (job numbers roll over at local midnight). */
export function shopYear(at: Date, timeZone = SHOP_TIME_ZONE): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric" }).format(at));
}
