import { SHOP_TIME_ZONE } from "@voltura/domain";
import { getLocale, type Locale } from "$lib/paraglide/runtime.js";
import { intlLocale } from "./locale";

/**
 * Dates, numbers and money as the staff member reads them: `en-MY` or `ms-MY`, always in shop time
 * (Asia/Kuala_Lumpur). Each helper takes the locale of the request / page by default (Paraglide's
 * getLocale()); pass one to format for someone else (e.g. a customer's language).
 * Timestamps arrive as ISO strings in UTC; a blank or unreadable one shows as "—".
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d:${locale}:${key}`;
  let format = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: SHOP_TIME_ZONE, ...options });
    cache.set(id, format);
  }
  return format;
}

function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n:${locale}:${key}`;
  let format = cache.get(id) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    cache.set(id, format);
  }
  return format;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value == null || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const EMPTY = "—";

/** "7 Dec 2026" / "7 Dis 2026" in shop time. */
export function formatDate(value: string | Date | null | undefined, locale: Locale = getLocale()): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, "date", { day: "numeric", month: "short", year: "numeric" }).format(date) : EMPTY;
}

/** "7 Dec 2026, 3:05 pm" / "7 Dis 2026, 3:05 PTG" in shop time. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale = getLocale()): string {
  const date = toDate(value);
  return date
    ? dateTimeFormat(locale, "datetime", { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" }).format(date)
    : EMPTY;
}

/** "3:05 pm" in shop time. */
export function formatTime(value: string | Date | null | undefined, locale: Locale = getLocale()): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, "time", { hour: "numeric", minute: "2-digit" }).format(date) : EMPTY;
}

/** "Mon, 7 Dec" / "Isn, 7 Dis" in shop time (day headings, charts). */
export function formatWeekdayDate(value: string | Date | null | undefined, locale: Locale = getLocale()): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, "weekday", { weekday: "short", day: "numeric", month: "short" }).format(date) : EMPTY;
}

/** Any other shape, still in shop time. */
export function formatDateWith(value: string | Date | null | undefined, options: Intl.DateTimeFormatOptions, locale: Locale = getLocale()): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, JSON.stringify(options), options).format(date) : EMPTY;
}

/** 1234567 → "1,234,567". */
export function formatNumber(value: number | null | undefined, locale: Locale = getLocale(), options: Intl.NumberFormatOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return EMPTY;
  return numberFormat(locale, JSON.stringify(options), options).format(value);
}

/** 0.125 → "12.5%". */
export function formatPercent(ratio: number | null | undefined, locale: Locale = getLocale(), maximumFractionDigits = 1): string {
  return formatNumber(ratio, locale, { style: "percent", maximumFractionDigits });
}

/**
 * Integer sen → "RM 1,234.56" (both languages write ringgit this way); negative → "-RM 5.00".
 * Rounds a fractional sen to the nearest sen.
 */
export function formatMoney(sen: number | null | undefined, locale: Locale = getLocale()): string {
  if (sen == null || !Number.isFinite(sen)) return EMPTY;
  const abs = Math.abs(Math.round(sen));
  const ringgit = numberFormat(locale, "money", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(abs / 100);
  return `${sen < 0 && abs > 0 ? "-" : ""}RM ${ringgit}`;
}

/** "5 minutes ago" / "5 minit lalu", "in 2 days" / "dalam 2 hari" (Intl.RelativeTimeFormat). */
export function formatRelative(value: string | Date | null | undefined, now: Date = new Date(), locale: Locale = getLocale()): string {
  const date = toDate(value);
  if (!date) return EMPTY;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [["day", 86_400], ["hour", 3_600], ["minute", 60]];
  const relative = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(0, "second");
}
