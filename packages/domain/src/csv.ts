/** A phone number typed with a leading + ("+60 12-345 6789"): safe, and kept readable. */
const PHONE_SHAPED = /^\+\d[\d\s()-]{5,}$/;
/** A plain decimal number such as "-12.50" (money written with two decimals): a value, never a formula. */
const NUMBER_SHAPED = /^[+-]?\d+(\.\d+)?$/;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return) as a formula
 * (CSV/formula injection). Such text is prefixed with ' so it opens as text; phone numbers and
 * real numbers are left as they are.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PHONE_SHAPED.test(value) && !NUMBER_SHAPED.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined | Date;

function cell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return value.toISOString();
  return spreadsheetSafe(value);
}

export interface CsvOptions {
  /** Starts with a UTF-8 byte order mark, so Excel reads accented and CJK names correctly. */
  bom?: boolean;
  /** CRLF line ends (RFC 4180) instead of LF. */
  crlf?: boolean;
}

/** RFC 4180 quoting: a field with a comma, a double quote or a line break is quoted, quotes doubled. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The one CSV writer of the platform: RFC 4180 quoting with every text cell made
 * spreadsheet-safe. Every CSV export goes through this, so none can carry a formula.
 * Plain string code (no Node APIs), as this package is also bundled into Temporal workflows
 * and the browser.
 */
export function toSafeCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  options: CsvOptions = {},
): string {
  const eol = options.crlf ? "\r\n" : "\n";
  const lines = [header.map(spreadsheetSafe), ...rows.map((r) => r.map(cell))].map((r) => r.map(field).join(",") + eol);
  return (options.bom ? "\uFEFF" : "") + lines.join("");
}
