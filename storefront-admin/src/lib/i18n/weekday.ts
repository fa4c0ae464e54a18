import { intlLocale } from "./locale";

/** The name of a weekday by its number (0 = Sunday … 6 = Saturday) in the current language. */
export function weekdayName(day: number): string {
  // 4 January 2026 was a Sunday.
  return new Intl.DateTimeFormat(intlLocale(), { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2026, 0, 4 + day));
}

/** "3:00 am" / "3:00 PG": an hour of the day in the current language. */
export function hourName(hour: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: "numeric", minute: "2-digit", hour12: true, timeZone: "UTC" }).format(Date.UTC(2026, 0, 4, hour));
}
