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

/** A wall-clock reading in a time zone: the calendar date, minutes since midnight and the JS weekday (0 = Sunday). */
export interface ShopClock {
  date: string;
  minutes: number;
  weekday: number;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

function clockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    clockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockParts(at: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts: Record<string, number> = {};
  for (const part of clockFormatter(timeZone).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { y: parts.year!, m: parts.month!, d: parts.day!, h: parts.hour! % 24, min: parts.minute!, s: parts.second! };
}

/** The calendar date (YYYY-MM-DD) of an instant in the shop's time zone. */
export function shopDate(at: Date, timeZone = SHOP_TIME_ZONE): string {
  const p = wallClockParts(at, timeZone);
  return `${p.y}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

export function shopClock(at: Date, timeZone = SHOP_TIME_ZONE): ShopClock {
  const p = wallClockParts(at, timeZone);
  const date = `${p.y}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
  return { date, minutes: p.h * 60 + p.min + p.s / 60, weekday: new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay() };
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addShopDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function shopDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The JS weekday (0 = Sunday) of a YYYY-MM-DD date. */
export function weekdayOfShopDate(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The UTC instant at which the shop's wall clock reads `date` `time` ("HH:MM"). */
export function shopInstant(date: string, time: string, timeZone = SHOP_TIME_ZONE): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Offset of the zone at (about) that instant; a second pass settles the rare case of an offset change in between.
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const p = wallClockParts(new Date(guess), timeZone);
    const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - guess;
    guess = wall - offset;
  }
  return new Date(guess);
}
