import { shopYear } from "@voltura/domain";
import { formatDocumentNumber, type DocumentSeries } from "@voltura/pos-rules";

/** The counter row of a series for the year the shop is in (local midnight rolls it over). */
export function seriesKey(series: Extract<DocumentSeries, "QUO" | "INV">, at: Date): { series: string; year: number } {
  const year = shopYear(at);
  return { series: `${series}-${year}`, year };
}

export function documentNumber(series: Extract<DocumentSeries, "QUO" | "INV">, year: number, sequence: number): string {
  return formatDocumentNumber(series, year, sequence);
}

/** Validity date: `days` after issue, at the end of that day in the shop's time zone (UTC+8). */
export function validUntilFrom(issuedAt: Date, days: number): Date {
  const MYT_OFFSET_MS = 8 * 3_600_000;
  const local = new Date(issuedAt.getTime() + MYT_OFFSET_MS);
  const endOfLocalDay = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 23, 59, 59, 999);
  return new Date(endOfLocalDay - MYT_OFFSET_MS);
}
