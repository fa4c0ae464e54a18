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
