import { formatInvoiceNumber } from "@voltura/domain";

/** Invoice, quotation, receipt and purchase-order series; each runs per year from 1. */
export const DOCUMENT_SERIES = ["INV", "QUO", "RCP", "PO"] as const;
export type DocumentSeries = (typeof DOCUMENT_SERIES)[number];

/** "QUO-2026-000042": series, year, sequence zero-padded to 6 digits (wider past 999 999, never cut). */
export function formatDocumentNumber(series: DocumentSeries, year: number, sequence: number): string {
  if (!DOCUMENT_SERIES.includes(series)) throw new RangeError(`unknown document series ${String(series)}`);
  return formatInvoiceNumber(year, sequence, series);
}

export interface ParsedDocumentNumber {
  series: DocumentSeries;
  year: number;
  sequence: number;
}

/**
 * Reads a number typed or scanned at the counter (surrounding spaces and lower case tolerated).
 * Only canonical forms parse: "INV-2026-0000042" (extra zero padding) is refused so one document
 * never has two spellings.
 */
export function parseDocumentNumber(value: string): ParsedDocumentNumber | null {
  const match = /^(INV|QUO|RCP|PO)-(\d{4})-(\d{6,})$/.exec(value.trim().toUpperCase());
  if (!match) return null;
  const series = match[1] as DocumentSeries;
  const year = Number(match[2]);
  const sequence = Number(match[3]);
  if (year < 2000 || sequence < 1 || !Number.isSafeInteger(sequence)) return null;
  if (formatDocumentNumber(series, year, sequence) !== match[0]) return null;
  return { series, year, sequence };
}
