import { z } from "zod";
import { SHOP_TIME_ZONE } from "./time.js";

/**
 * The shop's calendar. The shop keeps Asia/Kuala_Lumpur time (`SHOP_TIME_ZONE`), which is UTC+8 all
 * year: Malaysia has no daylight saving, so a shop day is a fixed 24 h window from 16:00 UTC the day
 * before, and shop-time arithmetic is a fixed offset (no Intl needed, cheap enough per row).
 * Days are "YYYY-MM-DD", months "YYYY-MM", wall-clock date-times "YYYY-MM-DDTHH:MM" (shop time).
 */
export const SHOP_UTC_OFFSET = "+08:00";
export const SHOP_UTC_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Half-open UTC range [from, to). */
export interface UtcRange {
  from: Date;
  to: Date;
}

/** The configured shop time zone (e.g. the SHOP_TIME_ZONE variable) or Asia/Kuala_Lumpur. */
export function shopTimeZone(configured?: string | null): string {
  return configured || SHOP_TIME_ZONE;
}

/** Whether `value` is a real calendar day written "YYYY-MM-DD" (2026-02-30 is not). */
export function isShopDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(value);
}

/** A shop day from a query or body: "2026-11-30". */
export const shopDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-11-30")
  .refine(isShopDay, "is not a calendar date");

/** The shop's wall clock at an instant, read with the getUTC* methods. */
function shopWallClock(at: Date | number): Date {
  return new Date((typeof at === "number" ? at : at.getTime()) + SHOP_UTC_OFFSET_MS);
}

/** The shop day of an instant: 2026-11-29T16:00Z is "2026-11-30". */
export function shopDayOf(at: Date | number): string {
  return shopWallClock(at).toISOString().slice(0, 10);
}

/** The shop month of an instant: 2026-11-30T16:00Z is "2026-12". */
export function shopMonthOf(at: Date | number): string {
  return shopDayOf(at).slice(0, 7);
}

/** Local midnight at the start of a shop day, as a UTC instant: "2026-11-30" → 2026-11-29T16:00Z. */
export function startOfShopDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHOP_UTC_OFFSET_MS);
}

/** Shop days `fromDay`…`toDay` (both included; one day when `toDay` is left out) as a UTC range. */
export function shopDaysUtcRange(fromDay: string, toDay: string = fromDay): UtcRange {
  return { from: startOfShopDay(fromDay), to: new Date(startOfShopDay(toDay).getTime() + DAY_MS) };
}

function parseMonth(month: string): { year: number; monthIndex: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const monthIndex = m ? Number(m[2]) - 1 : -1;
  if (!m || monthIndex < 0 || monthIndex > 11) throw new RangeError(`month must look like 2026-11, got ${month}`);
  return { year: Number(m[1]), monthIndex };
}

/** A shop month as a UTC range: "2026-11" → 2026-10-31T16:00Z … 2026-11-30T16:00Z. RangeError when not "YYYY-MM". */
export function shopMonthUtcRange(month: string): UtcRange {
  const { year, monthIndex } = parseMonth(month);
  return {
    from: new Date(Date.UTC(year, monthIndex, 1) - SHOP_UTC_OFFSET_MS),
    to: new Date(Date.UTC(year, monthIndex + 1, 1) - SHOP_UTC_OFFSET_MS),
  };
}

/** Adds calendar months to a "YYYY-MM" month: ("2026-01", -1) → "2025-12". */
export function addShopMonths(month: string, months: number): string {
  const { year, monthIndex } = parseMonth(month);
  return new Date(Date.UTC(year, monthIndex + months, 1)).toISOString().slice(0, 7);
}

/** The end of the shop day `days` after the day of `at` (23:59:59.999 shop time): quotation validity. */
export function endOfShopDayAfter(at: Date, days: number): Date {
  const local = shopWallClock(at);
  const endOfLocalDay = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 23, 59, 59, 999);
  return new Date(endOfLocalDay - SHOP_UTC_OFFSET_MS);
}

/**
 * A shop wall-clock date-time (an `<input type="datetime-local">` value, "2026-11-26T17:30") as an ISO
 * instant with the shop's offset, "2026-11-26T17:30:00+08:00"; null when blank or malformed.
 */
export function shopLocalToIso(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return null;
  const iso = `${v}:00${SHOP_UTC_OFFSET}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** An instant as a shop wall-clock date-time: "2026-11-26T09:30:00Z" → "2026-11-26T17:30"; "" when blank or not a date. */
export function isoToShopLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  return shopWallClock(t).toISOString().slice(0, 16);
}
