import type { QuotationStatusValue } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";

// Getters: each read gives the word in the current locale, and the objects keep their shape for every caller.
export const QUOTATION_STATUS_LABELS: Record<QuotationStatusValue, string> = {
  get draft() { return m.invoicing_status_draft(); }, get sent() { return m.invoicing_status_sent(); }, get accepted() { return m.invoicing_status_accepted(); },
  get declined() { return m.invoicing_status_declined(); }, get expired() { return m.invoicing_status_expired(); }, get converted() { return m.invoicing_status_converted(); },
};

export type InvoiceStatusValue = "unpaid" | "partially_paid" | "paid";
export const INVOICE_STATUS_LABELS: Record<InvoiceStatusValue, string> = {
  get unpaid() { return m.invoicing_status_unpaid(); }, get partially_paid() { return m.invoicing_status_partially_paid(); }, get paid() { return m.invoicing_status_paid(); },
};

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  get cash() { return m.sales_method_cash(); }, get card() { return m.sales_method_card(); }, get duitnow_qr() { return m.sales_method_duitnow_qr(); },
  get ewallet() { return m.sales_method_ewallet(); }, get bank_transfer() { return m.sales_method_bank_transfer(); },
};

/** One line as the editor holds it: money as typed ("12.50"), quantities as text. */
export interface EditorLine {
  description: string;
  kind: "item" | "service";
  quantity: string;
  unit_price: string;
  discount: string;
}

export const emptyLine = (): EditorLine => ({ description: "", kind: "item", quantity: "1", unit_price: "", discount: "" });
