import { A4, M, W } from "./internal/commercial.js";
import { drawText, flowText, ensureRoom, hRule, PRINT_THEME, type Theme } from "./internal/draw.js";
import { displayPhone, formatMYR, shopContactLines, shopDate } from "./internal/format.js";
import { createPdf, finishWithFooter, type Pdf } from "./internal/pdf.js";
import { drawTable, type TableColumn } from "./internal/table.js";
import { PAYMENT_METHOD_LABELS } from "./labels.js";
import { salesDocumentSchema, type SalesDocument, type SalesDocumentData } from "./sales-document-schema.js";

export const SALES_DOCUMENT_TEXT = {
  quotation: { title: "Quotation", titleMs: "Sebut Harga" },
  invoice: { title: "Invoice", titleMs: "Invois" },
} as const;

const rate = (bp: number): string => `${Number((bp / 100).toFixed(2))}%`;

function header(pdf: Pdf, doc: SalesDocument, theme: Theme): number {
  const text = SALES_DOCUMENT_TEXT[doc.kind];
  const rightW = 215;
  let shopX = M;
  let logoBottom = M;
  if (doc.template.logo) {
    pdf.image(Buffer.from(doc.template.logo), M, M, { fit: [70, 70] });
    shopX = M + 80;
    logoBottom = M + 70;
  }
  const shopW = W - rightW - 16 - (shopX - M);
  let left = M + drawText(pdf, theme, doc.shop.name, shopX, M, shopW, { size: 15, bold: true }) + 2;
  for (const line of shopContactLines(doc.shop)) left += drawText(pdf, theme, line, shopX, left, shopW, { size: 8, color: theme.muted }) + 1.5;
  if (doc.template.header) left += drawText(pdf, theme, doc.template.header, shopX, left + 2, shopW, { size: 8.5, color: theme.accent }) + 3;

  const rx = M + W - rightW;
  let right = M + drawText(pdf, theme, text.title.toUpperCase(), rx, M - 2, rightW, { size: 18, bold: true, color: theme.accent, align: "right" });
  right += drawText(pdf, theme, text.titleMs, rx, right, rightW, { size: 10, color: theme.muted, align: "right" }) + 8;
  const meta: Array<[string, string]> = [[`${text.title} No.`, doc.number], ["Date / Tarikh", shopDate(doc.issued_at)]];
  if (doc.valid_until) meta.push(["Valid until / Sah hingga", shopDate(doc.valid_until)]);
  if (doc.due_at) meta.push(["Due / Tarikh akhir", shopDate(doc.due_at)]);
  if (doc.reference) meta.push(["Reference / Rujukan", doc.reference]);
  for (const [key, value] of meta) {
    drawText(pdf, theme, key, rx, right + 0.8, 120, { size: 7.5, color: theme.muted });
    right += drawText(pdf, theme, value, rx + 110, right, rightW - 110, { size: 8.5, bold: true, align: "right" }) + 3;
  }
  const y = Math.max(left, right, logoBottom) + 10;
  hRule(pdf, theme, M, y, W, { weight: 1.5, color: theme.accent });
  return y + 12;
}

function buyerBlock(pdf: Pdf, doc: SalesDocument, theme: Theme, y: number): number {
  const colW = (W - 20) / 2;
  let ly = y + drawText(pdf, theme, "BILL TO / KEPADA", M, y, colW, { size: 7, bold: true, color: theme.muted }) + 2;
  ly += drawText(pdf, theme, doc.buyer.name, M, ly, colW, { size: 11, bold: true }) + 1;
  for (const line of [doc.buyer.address, doc.buyer.phone && displayPhone(doc.buyer.phone), doc.buyer.email]) {
    if (line) ly += drawText(pdf, theme, line, M, ly, colW, { size: 9 }) + 1;
  }
  const ids = [
    doc.buyer.tin && `TIN ${doc.buyer.tin}`, doc.buyer.brn && `BRN ${doc.buyer.brn}`, doc.buyer.nric && `NRIC ${doc.buyer.nric}`,
    doc.buyer.sst_no && `SST No. ${doc.buyer.sst_no}`,
  ].filter(Boolean) as string[];
  const rx = M + colW + 20;
  let ry = y;
  if (ids.length) {
    ry += drawText(pdf, theme, "TAX IDENTIFICATION / PENGENALAN CUKAI", rx, ry, colW, { size: 7, bold: true, color: theme.muted }) + 2;
    for (const id of ids) ry += drawText(pdf, theme, id, rx, ry, colW, { size: 9 }) + 1;
  }
  return Math.max(ly, ry) + 12;
}

const COLUMNS: TableColumn[] = [
  { title: "#", width: 20, align: "left" },
  { title: "Description", subtitle: "Keterangan", width: W - 20 - 40 - 70 - 62 - 44 - 80, align: "left" },
  { title: "Qty", subtitle: "Kuantiti", width: 40, align: "right" },
  { title: "Unit price", subtitle: "Harga seunit", width: 70, align: "right" },
  { title: "Discount", subtitle: "Diskaun", width: 62, align: "right" },
  { title: "SST", width: 44, align: "right" },
  { title: "Amount", subtitle: "Jumlah", width: 80, align: "right" },
];

function summaryRows(doc: SalesDocument): Array<{ label: string; amount: string; strong?: boolean }> {
  const t = doc.totals;
  const rows: Array<{ label: string; amount: string; strong?: boolean }> = [{ label: "Subtotal / Jumlah kecil", amount: formatMYR(t.subtotal_sen) }];
  if (t.discount_sen > 0) rows.push({ label: "Discount / Diskaun", amount: `−${formatMYR(t.discount_sen)}` });
  if (t.sst_sen > 0) rows.push({ label: `SST${t.prices_include_tax ? " (included / termasuk)" : ""}`, amount: formatMYR(t.sst_sen) });
  rows.push({ label: "Total / Jumlah", amount: formatMYR(t.total_sen), strong: true });
  if (doc.kind === "invoice") {
    for (const p of doc.payments) {
      rows.push({ label: `${shopDate(p.paid_at)} · ${PAYMENT_METHOD_LABELS[p.method]}${p.reference ? ` (${p.reference})` : ""}`, amount: `−${formatMYR(p.amount_sen)}` });
    }
    const paid = doc.payments.reduce((sum, p) => sum + p.amount_sen, 0);
    rows.push({ label: "Balance due / Baki perlu dibayar", amount: formatMYR(Math.max(t.total_sen - paid, 0)), strong: true });
  }
  return rows;
}

/**
 * A counter or B2B quotation / invoice as an A4 PDF, in the shop's template: logo, header and
 * footer texts, accent colour and terms; shop registration and SST numbers; the buyer's tax ids.
 */
export async function renderSalesDocument(data: SalesDocumentData): Promise<Buffer> {
  const doc = salesDocumentSchema.parse(data);
  const theme: Theme = { ...PRINT_THEME, accent: doc.template.accent_colour };
  const text = SALES_DOCUMENT_TEXT[doc.kind];
  const { doc: pdf, finished } = createPdf({
    size: A4, margins: { top: M, left: M, right: M, bottom: 46 },
    title: `${text.title} ${doc.number} · ${doc.shop.name}`, author: doc.shop.name, subject: `${text.title} / ${text.titleMs}`,
    createdAt: new Date(doc.issued_at),
  });
  const runningHead = (): number => {
    drawText(pdf, theme, `${doc.shop.name}  ·  ${text.title} ${doc.number}  (continued / sambungan)`, M, M, W, { size: 8, color: theme.muted });
    hRule(pdf, theme, M, M + 14, W);
    return M + 22;
  };

  let y = buyerBlock(pdf, doc, theme, header(pdf, doc, theme));
  y = drawTable(pdf, theme, {
    x: M, size: 8.8, columns: COLUMNS, onNewPage: runningHead,
    rows: doc.lines.map((line, i) => [
      { text: String(i + 1) }, { text: line.description }, { text: String(line.quantity) }, { text: formatMYR(line.unit_price_sen) },
      { text: line.discount_sen ? `−${formatMYR(line.discount_sen)}` : "—" }, { text: line.sst_rate_bp ? rate(line.sst_rate_bp) : "—" },
      { text: formatMYR(line.amount_sen) },
    ]),
  }, y) + 10;

  const rows = summaryRows(doc);
  const sx = M + W - 260;
  y = ensureRoom(pdf, y, rows.length * 16 + 8, runningHead);
  for (const row of rows) {
    if (row.strong) hRule(pdf, theme, sx, y, 260, { weight: 0.8, color: theme.ink });
    drawText(pdf, theme, row.label, sx + 4, y + 3, 170, { size: 9, bold: row.strong, color: row.strong ? theme.accent : theme.ink });
    drawText(pdf, theme, row.amount, sx + 170, y + 3, 86, { size: 9, bold: row.strong, align: "right" });
    y += 16;
  }
  y += 10;
  for (const [title, body] of [["Notes / Catatan", doc.notes], ["Terms / Terma", doc.template.terms]] as const) {
    if (!body) continue;
    y = ensureRoom(pdf, y, 30, runningHead);
    y += drawText(pdf, theme, title.toUpperCase(), M, y, W, { size: 7, bold: true, color: theme.muted }) + 2;
    y = flowText(pdf, theme, body, M, y, W, { size: 8.5 }, runningHead) + 10;
  }
  const footer = doc.template.footer || `Computer-generated ${text.title.toLowerCase()}; no signature required`;
  finishWithFooter(pdf, `${doc.number}  ·  ${footer}`, { font: theme.regular, size: 7, color: theme.muted });
  return finished;
}
