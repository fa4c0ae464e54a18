import { A4, drawLetterhead, M, paragraph, W } from "./internal/commercial.js";
import { drawText, hRule, PRINT_THEME as T } from "./internal/draw.js";
import { displayPhone, formatMYR, shopDate } from "./internal/format.js";
import { createPdf, finishWithFooter } from "./internal/pdf.js";
import { drawSummary } from "./internal/summary.js";
import { drawTable, type TableColumn } from "./internal/table.js";
import { purchaseOrderDocumentSchema, type PurchaseOrderDocumentData } from "./purchase-order-schema.js";

export const PURCHASE_ORDER_TEXT = { title: "Purchase Order", titleMs: "Pesanan Belian" } as const;

const columns = (): TableColumn[] => {
  const fixed: TableColumn[] = [
    { title: "Qty", subtitle: "Kuantiti", width: 50, align: "right" },
    { title: "Unit cost", subtitle: "Kos seunit", width: 80, align: "right" },
    { title: "Amount", subtitle: "Jumlah", width: 86, align: "right" },
  ];
  const number: TableColumn = { title: "#", width: 20, align: "left" };
  return [number, { title: "Item", subtitle: "Barang", align: "left", width: W - number.width - fixed.reduce((s, c) => s + c.width, 0) }, ...fixed];
};

/** A purchase order for the supplier as an A4 PDF: shop, supplier, delivery place, lines and total. */
export async function renderPurchaseOrder(data: PurchaseOrderDocumentData): Promise<Buffer> {
  const po = purchaseOrderDocumentSchema.parse(data);
  const { doc: pdf, finished } = createPdf({
    size: A4, margins: { top: M, left: M, right: M, bottom: 46 },
    title: `${PURCHASE_ORDER_TEXT.title} ${po.po_number} · ${po.shop.name}`, author: po.shop.name, subject: PURCHASE_ORDER_TEXT.title, createdAt: new Date(po.issued_at),
  });
  const runningHead = (): number => {
    drawText(pdf, T, `${po.shop.name}  ·  ${po.po_number}  (continued / sambungan)`, M, M, W, { size: 8, color: T.muted });
    hRule(pdf, T, M, M + 14, W);
    return M + 22;
  };
  const meta: Array<[string, string]> = [["PO No. / No. PB", po.po_number], ["Date / Tarikh", shopDate(po.issued_at)]];
  if (po.expected_at) meta.push(["Expected / Dijangka", shopDate(po.expected_at)]);
  let y = drawLetterhead(pdf, po, { ...PURCHASE_ORDER_TEXT, meta });

  const colW = (W - 20) / 2;
  const supplierLines = [po.supplier.contact_name, po.supplier.phone && displayPhone(po.supplier.phone), po.supplier.email, po.supplier.address].filter((v): v is string => !!v);
  let sy = y + drawText(pdf, T, "SUPPLIER / PEMBEKAL", M, y, colW, { size: 7, bold: true, color: T.muted }) + 2;
  sy += drawText(pdf, T, po.supplier.name, M, sy, colW, { size: 11, bold: true }) + 1;
  for (const line of supplierLines) sy += drawText(pdf, T, line, M, sy, colW, { size: 9 }) + 1;
  const dx = M + colW + 20;
  let dy = y + drawText(pdf, T, "DELIVER TO / HANTAR KE", dx, y, colW, { size: 7, bold: true, color: T.muted }) + 2;
  dy += drawText(pdf, T, `${po.shop.name} — ${po.deliver_to}`, dx, dy, colW, { size: 11, bold: true }) + 1;
  y = Math.max(sy, dy) + 12;

  y = drawTable(pdf, T, {
    x: M, size: 8.8, columns: columns(), onNewPage: runningHead,
    rows: po.lines.map((l, i) => [
      { text: String(i + 1) },
      { text: l.description, note: [l.sku && `SKU ${l.sku}`, l.supplier_sku && `Supplier code ${l.supplier_sku}`].filter(Boolean).join("  ·  ") || undefined },
      { text: String(l.quantity) },
      { text: formatMYR(l.unit_cost_sen) },
      { text: formatMYR(l.quantity * l.unit_cost_sen) },
    ]),
  }, y) + 10;
  const total = po.lines.reduce((sum, l) => sum + l.quantity * l.unit_cost_sen, 0);
  y = drawSummary(pdf, [{ label: "Total / Jumlah", amount: formatMYR(total), style: "total" }], {
    title: "Please / Sila",
    lines: [{ text: `Quote ${po.po_number} on your delivery order and invoice.`, bold: true }, { text: `Nyatakan ${po.po_number} pada pesanan penghantaran dan invois anda.` }],
  }, y, runningHead);
  if (po.note?.trim()) paragraph(pdf, "Note / Catatan", po.note.trim(), y, runningHead, 9);
  finishWithFooter(pdf, `${po.po_number}  ·  Computer-generated purchase order / Pesanan belian janaan komputer`, { font: T.regular, size: 7, color: T.muted });
  return finished;
}
