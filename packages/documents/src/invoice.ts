import { formatMYR, shopDate } from "./internal/format.js";
import { lineCells, lineColumns, M, paragraph, startCommercial } from "./internal/commercial.js";
import { PRINT_THEME as T } from "./internal/draw.js";
import { finishWithFooter } from "./internal/pdf.js";
import { drawSummary, type SummaryRow } from "./internal/summary.js";
import { drawTable } from "./internal/table.js";
import { PAYMENT_METHOD_LABELS } from "./labels.js";
import { invoiceDocumentSchema, type InvoiceDocumentData } from "./schemas.js";
import { computeTotals, formatRate } from "./totals.js";

export const INVOICE_TEXT = { title: "Invoice", titleMs: "Invois" } as const;

/**
 * The invoice as an A4 PDF: lines with their warranty, subtotal, SST, waived items, total, every
 * payment received and the balance. Throws a ZodError naming the field on bad input.
 */
export async function renderInvoice(data: InvoiceDocumentData): Promise<Buffer> {
  const invoice = invoiceDocumentSchema.parse(data);
  const totals = computeTotals(invoice.lines, invoice.tax);
  const meta: Array<[string, string]> = [
    ["Invoice No. / No. Invois", invoice.invoice_number],
    ["Date / Tarikh", shopDate(invoice.issued_at)],
  ];
  if (invoice.order_reference) meta.push(["Order ref. / Rujukan pesanan", invoice.order_reference]);
  meta.push(["Job No. / No. Kerja", invoice.job_number]);
  const { pdf, finished, y: top, runningHead } = startCommercial(invoice, {
    title: INVOICE_TEXT.title, titleMs: INVOICE_TEXT.titleMs, meta, short: `${INVOICE_TEXT.title} ${invoice.invoice_number}`,
  }, new Date(invoice.issued_at));

  let y = invoice.diagnosis ? paragraph(pdf, "Work done / Kerja dilakukan", invoice.diagnosis, top, runningHead) : top;
  y = drawTable(pdf, T, {
    x: M, size: 8.8, columns: lineColumns(true), onNewPage: runningHead,
    rows: invoice.lines.map((line, i) => lineCells(line, i, true, !invoice.tax.exempt)),
  }, y) + 10;

  const paid = invoice.payments.reduce((sum, p) => sum + p.amount_sen, 0);
  const balance = totals.total_sen - paid;
  const rows: SummaryRow[] = [];
  rows.push({ label: totals.sst_sen !== null && invoice.tax.prices_include_tax ? "Subtotal excl. SST / Jumlah kecil" : "Subtotal / Jumlah kecil", amount: formatMYR(totals.subtotal_sen) });
  if (totals.sst_sen !== null) {
    rows.push({ label: `SST ${formatRate(totals.sst_rate_bp)}${invoice.tax.prices_include_tax ? " (included / termasuk)" : ""}`, amount: formatMYR(totals.sst_sen) });
  }
  if (totals.waived_sen > 0) rows.push({ label: "Waived / Dikecualikan (not charged)", amount: formatMYR(totals.waived_sen), style: "muted" });
  rows.push({ label: "Total / Jumlah", amount: formatMYR(totals.total_sen), style: "total" });
  for (const payment of invoice.payments) {
    const reference = payment.reference ? ` (${payment.reference})` : "";
    rows.push({ label: `${shopDate(payment.paid_at)} · ${PAYMENT_METHOD_LABELS[payment.method]}${reference}`, amount: `−${formatMYR(payment.amount_sen)}` });
  }
  rows.push(balance >= 0
    ? { label: "Balance due / Baki perlu dibayar", amount: formatMYR(balance), style: "due" }
    : { label: "Overpaid / Lebihan bayaran", amount: formatMYR(-balance), style: "due" });

  const warranties = invoice.lines.some((line) => (line.warranty_days ?? 0) > 0);
  y = drawSummary(pdf, rows, {
    title: `Payments received / Bayaran diterima: ${formatMYR(paid)}`,
    lines: [
      ...(balance > 0 ? [{ text: `Please pay ${formatMYR(balance)} on collection. / Sila bayar ${formatMYR(balance)} semasa pengambilan.`, bold: true }] : []),
      ...(balance === 0 ? [{ text: "Paid in full. Thank you! / Dibayar penuh. Terima kasih!", bold: true }] : []),
      ...(warranties
        ? [{ text: `Warranty starts on ${shopDate(invoice.issued_at)}; keep this invoice as proof. / Waranti bermula ${shopDate(invoice.issued_at)}; simpan invois ini sebagai bukti.`, muted: true }]
        : []),
    ],
  }, y, runningHead);

  if (invoice.terms.trim()) paragraph(pdf, "Terms / Terma", invoice.terms.trim(), y, runningHead, 7.8, T.muted);
  finishWithFooter(pdf, `${invoice.invoice_number}  ·  ${invoice.job_number}  ·  Computer-generated invoice; no signature required / Invois janaan komputer; tandatangan tidak diperlukan`, { font: T.regular, size: 7, color: T.muted });
  return finished;
}
