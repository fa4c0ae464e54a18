import { stringify } from "csv-stringify/sync";

/** A phone number typed with a leading + ("+60 12-345 6789"): safe, and kept readable. */
const PHONE_SHAPED = /^\+\d[\d\s()-]{5,}$/;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return) as a formula
 * (CSV/formula injection). Such text is prefixed with ' so it opens as text; phone numbers and
 * real numbers are left as they are.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PHONE_SHAPED.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined | Date;

function cell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return value.toISOString();
  return spreadsheetSafe(value);
}

/**
 * The one CSV writer of the platform: RFC 4180 quoting (csv-stringify) with every text cell made
 * spreadsheet-safe. Every CSV export goes through this, so none can carry a formula.
 */
export function toSafeCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return stringify([header.map(spreadsheetSafe), ...rows.map((r) => r.map(cell))]);
}
