import { formatMYR, displayPhone, shopDate } from "./internal/format.js";
import { lineCells, lineColumns, M, paragraph, startCommercial } from "./internal/commercial.js";
import { PRINT_THEME as T } from "./internal/draw.js";
import { finishWithFooter } from "./internal/pdf.js";
import { drawSummary, type SummaryRow } from "./internal/summary.js";
import { drawTable } from "./internal/table.js";
import { quoteDocumentSchema, type QuoteDocumentData } from "./schemas.js";
import { computeTotals, formatRate } from "./totals.js";

export const QUOTE_TEXT = {
  title: "Quote",
  titleMs: "Sebut Harga",
  approve: "Reply SETUJU to approve / TAK SETUJU to decline",
} as const;

/**
 * The repair quote as an A4 PDF: lines (parts with grade, labour by hours or fixed), subtotal, SST,
 * waived items, deposit and the amount due, with how to approve. Throws a ZodError naming the field on bad input.
 */
export async function renderQuote(data: QuoteDocumentData): Promise<Buffer> {
  const quote = quoteDocumentSchema.parse(data);
  const totals = computeTotals(quote.lines, quote.tax);
  const numberLabel = `${quote.quote_number} v${quote.version}`;
  const { pdf, finished, y: top, runningHead } = startCommercial(quote, {
    title: QUOTE_TEXT.title,
    titleMs: QUOTE_TEXT.titleMs,
    short: `${QUOTE_TEXT.title} ${numberLabel}`,
    meta: [
      ["Quote No. / No. Sebut Harga", quote.quote_number],
      ["Version / Versi", String(quote.version)],
      ["Date / Tarikh", shopDate(quote.issued_at)],
      ["Valid until / Sah sehingga", shopDate(quote.valid_until)],
      ["Job No. / No. Kerja", quote.job_number],
    ],
  }, new Date(quote.issued_at));

  let y = paragraph(pdf, "Diagnosis / Diagnosis", quote.diagnosis, top, runningHead);
  y = drawTable(pdf, T, {
    x: M, size: 8.8, columns: lineColumns(false), onNewPage: runningHead,
    rows: quote.lines.map((line, i) => lineCells(line, i, false, !quote.tax.exempt)),
  }, y) + 10;

  const due = totals.total_sen - quote.deposit_paid_sen;
  const rows: SummaryRow[] = [];
  rows.push({ label: totals.sst_sen !== null && quote.tax.prices_include_tax ? "Subtotal excl. SST / Jumlah kecil" : "Subtotal / Jumlah kecil", amount: formatMYR(totals.subtotal_sen) });
  if (totals.sst_sen !== null) {
    rows.push({ label: `SST ${formatRate(totals.sst_rate_bp)}${quote.tax.prices_include_tax ? " (included / termasuk)" : ""}`, amount: formatMYR(totals.sst_sen) });
  }
  if (totals.waived_sen > 0) rows.push({ label: "Waived / Dikecualikan (not charged)", amount: formatMYR(totals.waived_sen), style: "muted" });
  rows.push({ label: "Total / Jumlah", amount: formatMYR(totals.total_sen), style: "total" });
  if (quote.deposit_paid_sen > 0) rows.push({ label: "Deposit paid / Deposit dibayar", amount: `−${formatMYR(quote.deposit_paid_sen)}` });
  rows.push(due >= 0
    ? { label: "Amount due / Jumlah perlu dibayar", amount: formatMYR(due), style: "due" }
    : { label: "Credit to customer / Kredit pelanggan", amount: formatMYR(-due), style: "due" });

  const whatsapp = displayPhone(quote.shop.whatsapp);
  y = drawSummary(pdf, rows, {
    title: "Approve or decline / Lulus atau tolak",
    lines: [
      { text: QUOTE_TEXT.approve, bold: true },
      { text: `Balas SETUJU untuk meluluskan atau TAK SETUJU untuk menolak${whatsapp ? ` melalui WhatsApp ${whatsapp}` : ""}.` },
      { text: `Valid until ${shopDate(quote.valid_until)}; prices may change after that. / Sah sehingga ${shopDate(quote.valid_until)}; harga mungkin berubah selepas itu.`, muted: true },
    ],
  }, y, runningHead);

  if (quote.terms.trim()) paragraph(pdf, "Terms / Terma", quote.terms.trim(), y, runningHead, 7.8, T.muted);
  finishWithFooter(pdf, `${numberLabel}  ·  ${quote.job_number}  ·  Computer-generated quote / Sebut harga janaan komputer`, { font: T.regular, size: 7, color: T.muted });
  return finished;
}
