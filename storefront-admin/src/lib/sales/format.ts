import { SHOP_TIME_ZONE } from "@voltura/domain";

const dateOnly = new Intl.DateTimeFormat("en-MY", { timeZone: SHOP_TIME_ZONE, day: "numeric", month: "short", year: "numeric" });
const dateTime = new Intl.DateTimeFormat("en-MY", { timeZone: SHOP_TIME_ZONE, day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" });

/** "30 Nov 2026" in shop time. */
export const shopDate = (iso: string | null | undefined): string => (iso ? dateOnly.format(new Date(iso)) : "—");
/** "30 Nov 2026, 3:05 pm" in shop time. */
export const shopDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : "—");
