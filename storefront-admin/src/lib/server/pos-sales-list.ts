import { toSafeCsv, type CsvCell } from "@voltura/domain";
import { type PosSaleSummary } from "@voltura/contracts";
import { posApi, type CommerceClient } from "@voltura/medusa-client";
import { parsePage, parseSort, sortParam, type SortState } from "$lib/components/data-table/url-state";
import { shopDayBounds, shopToday } from "$lib/pos/shop-day";
import { PAYMENT_METHOD_LABELS } from "$lib/repair/payments";
import { shopDateTimeForCsv } from "./customers-csv";

export const POS_SALE_SORT_KEYS = ["sold_at", "total"] as const;
type PosSalesSort = "-sold_at" | "sold_at" | "-total" | "total";

/** The counter sales list as the URL states it: one shop day, a search, an order, a page. */
export interface PosSalesView {
  day: string;
  q: string;
  sort: SortState;
  page: number;
}

export function parsePosSalesView(p: URLSearchParams): PosSalesView {
  return {
    day: p.get("day")?.trim() || shopToday(),
    q: p.get("q")?.trim().slice(0, 60) ?? "",
    sort: parseSort(p.get("sort"), POS_SALE_SORT_KEYS, "-sold_at"),
    page: parsePage(p.get("page")),
  };
}

/** The commerce query of a view; null when `day` is not a date. */
export function posSalesQuery(view: PosSalesView, window: { limit: number; offset: number }) {
  const bounds = shopDayBounds(view.day);
  if (!bounds) return null;
  return { ...bounds, ...(view.q ? { q: view.q } : {}), sort: sortParam(view.sort) as PosSalesSort, ...window };
}

/** Sales of one day are a few hundred at most: the export reads them in pages of 500. */
export async function readAllPosSales(commerce: CommerceClient, view: PosSalesView, max = 5_000): Promise<PosSaleSummary[]> {
  const sales: PosSaleSummary[] = [];
  while (sales.length < max) {
    const query = posSalesQuery(view, { limit: 500, offset: sales.length });
    if (!query) return [];
    const page = await posApi(commerce).listSales(query);
    sales.push(...page.sales);
    if (page.sales.length < 500) break;
  }
  return sales;
}

export function posSaleStatus(sale: Pick<PosSaleSummary, "paid_sen" | "refunded_sen" | "balance_due_sen">): "refunded" | "part_refunded" | "balance" | "paid" {
  if (sale.refunded_sen >= sale.paid_sen && sale.refunded_sen > 0) return "refunded";
  if (sale.refunded_sen > 0) return "part_refunded";
  if (sale.balance_due_sen > 0) return "balance";
  return "paid";
}

const sen = (n: number) => (n / 100).toFixed(2);

export const POS_SALES_CSV_HEADER = ["Receipt", "Sold at", "Customer", "Phone", "Items", "Paid by", "Total (RM)", "Paid (RM)", "Refunded (RM)", "Balance (RM)", "Status", "Sale ID"] as const;

/** The fields of a sale the CSV export writes. */
export type PosSaleCsvRow = Pick<
  PosSaleSummary,
  "id" | "receipt_number" | "sold_at" | "customer_name" | "customer_phone" | "item_count" | "methods"
  | "rounded_total_sen" | "paid_sen" | "refunded_sen" | "balance_due_sen"
>;

export function posSalesCsv(sales: readonly PosSaleCsvRow[]): string {
  const rows: CsvCell[][] = sales.map((s) => [
    s.receipt_number,
    shopDateTimeForCsv(s.sold_at),
    s.customer_name ?? "",
    s.customer_phone ?? "",
    s.item_count,
    s.methods.map((m) => PAYMENT_METHOD_LABELS[m]).join(" + "),
    sen(s.rounded_total_sen),
    sen(s.paid_sen),
    sen(s.refunded_sen),
    sen(s.balance_due_sen),
    posSaleStatus(s),
    s.id,
  ]);
  return toSafeCsv(POS_SALES_CSV_HEADER, rows, { bom: true, crlf: true });
}
