import type { InvoiceKind, InvoiceListEntry } from "@voltura/contracts";

export type InvoiceListSort = "number" | "-number" | "issued_at" | "-issued_at";

/** No sort asked: the newest issued first. */
export const DEFAULT_INVOICE_SORT: InvoiceListSort = "-issued_at";

/**
 * Which tables a list reads: both kinds unless one is asked for; a status filter means direct
 * invoices only, since a repair invoice's payments live on its job.
 */
export function invoiceKindsToRead(query: { kind?: InvoiceKind; status?: string }): InvoiceKind[] {
  const kinds: InvoiceKind[] = query.kind ? [query.kind] : ["repair", "direct"];
  return query.status ? kinds.filter((k) => k === "direct") : kinds;
}

/** The order each table is read in, so that their pages merge (number breaks ties of time). */
export function invoiceOrder(sort: InvoiceListSort): Record<"issued_at" | "invoice_number", "ASC" | "DESC"> | Record<"invoice_number", "ASC" | "DESC"> {
  const direction = sort.startsWith("-") ? "DESC" : "ASC";
  return sort.endsWith("issued_at") ? { issued_at: direction, invoice_number: direction } : { invoice_number: direction };
}

function compare(sort: InvoiceListSort) {
  const sign = sort.startsWith("-") ? -1 : 1;
  const byNumber = (a: InvoiceListEntry, b: InvoiceListEntry) => (a.invoice_number < b.invoice_number ? -1 : a.invoice_number > b.invoice_number ? 1 : 0);
  if (!sort.endsWith("issued_at")) return (a: InvoiceListEntry, b: InvoiceListEntry) => sign * byNumber(a, b);
  return (a: InvoiceListEntry, b: InvoiceListEntry) => sign * (Date.parse(a.issued_at) - Date.parse(b.issued_at) || byNumber(a, b));
}

/**
 * One page of the list from each table's first `offset + limit` rows (each read in the same
 * order): merged, then the window cut out of it.
 */
export function mergeInvoicePages(
  pages: ReadonlyArray<readonly InvoiceListEntry[]>, sort: InvoiceListSort, window: { limit: number; offset: number },
): InvoiceListEntry[] {
  return pages.flat().sort(compare(sort)).slice(window.offset, window.offset + window.limit);
}
