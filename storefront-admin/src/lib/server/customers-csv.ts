import { CUSTOMER_TYPE_LABELS, formatPhoneForDisplay, SHOP_TIME_ZONE, toSafeCsv, type CsvCell } from "@voltura/domain";
import type { CrmCustomerSummary } from "@voltura/contracts";

export const CUSTOMER_CSV_HEADER = [
  "Name",
  "Phone",
  "Phone (E.164)",
  "Email",
  "Type",
  "Tags",
  "Devices",
  "Repair jobs",
  "Last visit",
  "Customer since",
  "Customer ID",
] as const;

/** "2026-11-24 15:05" in shop time: sorts as text and opens as a date in spreadsheets. */
export function shopDateTimeForCsv(at: string | null, timeZone: string = SHOP_TIME_ZONE): string {
  if (!at) return "";
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** The export's data rows: one line per customer in the order given (escaping is toSafeCsv's job). */
export function customerCsvRows(customers: readonly CrmCustomerSummary[], timeZone: string = SHOP_TIME_ZONE): CsvCell[][] {
  return customers.map((c) => [
    c.name,
    c.phone ? formatPhoneForDisplay(c.phone) : "",
    c.phone ?? "",
    c.email ?? "",
    CUSTOMER_TYPE_LABELS[c.customer_type],
    c.tags.join("; "),
    c.device_count,
    c.job_count,
    shopDateTimeForCsv(c.last_visit_at, timeZone),
    shopDateTimeForCsv(c.created_at, timeZone),
    c.id,
  ]);
}

/**
 * RFC 4180 CSV (CRLF, quoted when needed) with a UTF-8 byte order mark so Excel reads names
 * correctly; every text cell spreadsheet-safe (toSafeCsv).
 */
export function customersCsv(customers: readonly CrmCustomerSummary[], timeZone: string = SHOP_TIME_ZONE): string {
  return toSafeCsv(CUSTOMER_CSV_HEADER, customerCsvRows(customers, timeZone), { bom: true, crlf: true });
}

/** customers-2026-11-24.csv, dated in shop time. */
export function customersCsvFilename(now: Date = new Date(), timeZone: string = SHOP_TIME_ZONE): string {
  return `customers-${shopDateTimeForCsv(now.toISOString(), timeZone).slice(0, 10)}.csv`;
}
