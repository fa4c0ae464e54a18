import type { InvoiceKind, InvoiceListEntry } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";

// Getters: each read gives the word in the current locale.
export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = {
  get repair() { return m.table_invoices_kind_repair(); },
  get direct() { return m.table_invoices_kind_direct(); },
};

/** Where a row of the Invoices page opens: a repair invoice on its job, a direct invoice on its own page. */
export function invoiceEntryHref(entry: Pick<InvoiceListEntry, "kind" | "id" | "repair_job_id">): string {
  if (entry.kind === "repair" && entry.repair_job_id) return `/jobs/${encodeURIComponent(entry.repair_job_id)}`;
  return `/invoicing/invoices/${encodeURIComponent(entry.id)}`;
}
