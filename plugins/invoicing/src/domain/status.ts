export const QUOTATION_STATUSES = ["draft", "sent", "accepted", "declined", "expired", "converted"] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];

export const INVOICE_STATUSES = ["unpaid", "partially_paid", "paid"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Allowed moves; "converted" only happens through conversion (the status route refuses it). */
const QUOTATION_MOVES: Record<QuotationStatus, readonly QuotationStatus[]> = {
  draft: ["sent", "declined", "converted"],
  sent: ["accepted", "declined", "expired", "draft", "converted"],
  accepted: ["converted", "declined"],
  declined: ["draft"],
  expired: ["draft"],
  converted: [],
};

export function allowedQuotationMoves(from: QuotationStatus): readonly QuotationStatus[] {
  return QUOTATION_MOVES[from];
}

export function canMoveQuotation(from: QuotationStatus, to: QuotationStatus): boolean {
  return QUOTATION_MOVES[from].includes(to);
}

/** Lines, buyer and validity can change only before the customer has answered. */
export function quotationEditable(status: QuotationStatus): boolean {
  return status === "draft" || status === "sent";
}

/** A quotation converts when it is open (draft, sent) or accepted; never twice. */
export function quotationConvertible(status: QuotationStatus): boolean {
  return status === "draft" || status === "sent" || status === "accepted";
}

/** Follow-ups stop as soon as the customer has answered or the quotation is no longer open. */
export function followUpActive(status: QuotationStatus): boolean {
  return status === "sent";
}

export interface PaymentState {
  status: InvoiceStatus;
  paid_sen: number;
  balance_sen: number;
}

/** Status and balance from the total and the payments so far. */
export function invoicePaymentState(totalSen: number, payments: ReadonlyArray<{ amount_sen: number }>): PaymentState {
  const paid = payments.reduce((sum, p) => sum + p.amount_sen, 0);
  const balance = Math.max(totalSen - paid, 0);
  const status: InvoiceStatus = paid <= 0 ? (totalSen === 0 ? "paid" : "unpaid") : balance === 0 ? "paid" : "partially_paid";
  return { status, paid_sen: paid, balance_sen: balance };
}

export type PaymentCheck = { ok: true } | { ok: false; field: string; message: string };

/** A payment may not be zero or exceed the balance (overpayments are refused, not kept as credit). */
export function checkInvoicePayment(balanceSen: number, amountSen: number): PaymentCheck {
  if (!Number.isInteger(amountSen) || amountSen <= 0) return { ok: false, field: "amount_sen", message: "amount_sen must be a positive whole number of sen" };
  if (balanceSen === 0) return { ok: false, field: "amount_sen", message: "This invoice is already paid in full" };
  if (amountSen > balanceSen) {
    return { ok: false, field: "amount_sen", message: `amount_sen (${amountSen}) is more than the balance due (${balanceSen})` };
  }
  return { ok: true };
}
