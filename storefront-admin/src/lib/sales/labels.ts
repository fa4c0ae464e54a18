import type { QuotationStatusValue } from "@voltura/medusa-client";

export const QUOTATION_STATUS_LABELS: Record<QuotationStatusValue, string> = {
  draft: "Draft", sent: "Sent", accepted: "Accepted", declined: "Declined", expired: "Expired", converted: "Converted",
};

export type InvoiceStatusValue = "unpaid" | "partially_paid" | "paid";
export const INVOICE_STATUS_LABELS: Record<InvoiceStatusValue, string> = { unpaid: "Unpaid", partially_paid: "Partially paid", paid: "Paid" };

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  cash: "Cash", card: "Card", duitnow_qr: "DuitNow QR", ewallet: "E-wallet", bank_transfer: "Bank transfer",
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
