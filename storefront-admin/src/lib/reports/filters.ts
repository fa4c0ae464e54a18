import { addShopDays, shopDayOf } from "@voltura/domain";

/** The report page's filters, read from the URL (so a report is bookmarkable). Days are shop days. */
export const REPORT_SOURCES = [
  { value: "pos", label: "Counter sales" },
  { value: "repair", label: "Repair invoices" },
  { value: "invoice", label: "Counter & B2B invoices" },
] as const;

export interface ReportFilters {
  from: string;
  to: string;
  sources: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function reportFilters(params: URLSearchParams, now = new Date()): ReportFilters {
  const to = DAY.test(params.get("to") ?? "") ? params.get("to")! : shopDayOf(now);
  const fallbackFrom = addShopDays(to, -29);
  const from = DAY.test(params.get("from") ?? "") ? params.get("from")! : fallbackFrom;
  const known = REPORT_SOURCES.map((s) => s.value as string);
  const picked = params.getAll("source").flatMap((s) => s.split(",")).filter((s) => known.includes(s));
  return { from, to, sources: picked.length ? [...new Set(picked)] : known };
}

/** The commerce query for the filters. */
export function reportQuery(filters: ReportFilters): URLSearchParams {
  return new URLSearchParams({ from: filters.from, to: filters.to, source: filters.sources.join(",") });
}
