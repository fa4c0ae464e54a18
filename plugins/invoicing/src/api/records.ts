import type { QuotationRecord, SalesInvoiceRecord } from "../modules/invoicing/records";

const iso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** The API shape: dates as ISO strings, payments sorted by time. */
export function toApiQuotation(q: QuotationRecord) {
  return {
    id: q.id, quotation_number: q.quotation_number, status: q.status, customer_id: q.customer_id, buyer: q.buyer, lines: q.lines,
    notes: q.notes, subtotal_sen: q.subtotal_sen, discount_sen: q.discount_sen, sst_sen: q.sst_sen, total_sen: q.total_sen,
    prices_include_tax: q.prices_include_tax, issued_at: iso(q.issued_at)!, valid_until: iso(q.valid_until)!, sent_at: iso(q.sent_at),
    decided_at: iso(q.decided_at), converted_invoice_id: q.converted_invoice_id, created_by: q.created_by,
  };
}

export function toApiInvoice(inv: Omit<SalesInvoiceRecord, "payments"> & { payments?: SalesInvoiceRecord["payments"] }) {
  const payments = [...(inv.payments ?? [])]
    .sort((a, b) => new Date(a.received_at).getTime() - new Date(b.received_at).getTime())
    .map((p) => ({ id: p.id, method: p.method, amount_sen: p.amount_sen, reference: p.reference, received_by: p.received_by, received_at: iso(p.received_at)! }));
  return {
    id: inv.id, invoice_number: inv.invoice_number, status: inv.status, quotation_id: inv.quotation_id, customer_id: inv.customer_id,
    buyer: inv.buyer, lines: inv.lines, notes: inv.notes, subtotal_sen: inv.subtotal_sen, discount_sen: inv.discount_sen, sst_sen: inv.sst_sen,
    total_sen: inv.total_sen, paid_sen: inv.paid_sen, balance_sen: inv.balance_sen, prices_include_tax: inv.prices_include_tax,
    issued_at: iso(inv.issued_at)!, due_at: iso(inv.due_at), created_by: inv.created_by, payments,
  };
}
