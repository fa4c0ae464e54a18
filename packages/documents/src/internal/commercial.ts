import type { DocumentLine, QuoteDocument } from "../schemas.js";
import { DEVICE_TYPE_LABELS, PART_GRADE_LABELS } from "../labels.js";
import { lineAmountSen } from "../totals.js";
import { drawText, ensureRoom, flowText, hRule, measure, PRINT_THEME as T } from "./draw.js";
import { daysLabel, displayPhone, formatMYR, shopContactLines } from "./format.js";
import { createPdf, type Pdf } from "./pdf.js";
import type { TableCell, TableColumn } from "./table.js";

/** A4 portrait in points; quotes and invoices are filed, so they use the office size. */
export const A4: [number, number] = [595.28, 841.89];
export const M = 40;
export const W = A4[0] - 2 * M;

type Common = Pick<QuoteDocument, "shop" | "logo" | "customer" | "device" | "job_number">;

export interface Heading {
  title: string;
  titleMs: string;
  /** Key / value pairs under the title: number, dates, job number. */
  meta: Array<[string, string]>;
  /** For the running head on later pages, e.g. "Quotation QT-2026-000045 v2". */
  short: string;
}

/**
 * The top of a filed document: the shop block (with the logo when there is one) on the left, the
 * title and its facts on the right, an accent rule under both. Answers where the body starts.
 */
export function drawLetterhead(pdf: Pdf, doc: { shop: QuoteDocument["shop"]; logo?: Uint8Array | null }, heading: Pick<Heading, "title" | "titleMs" | "meta">): number {
  const rightW = 215;
  let shopX = M;
  let logoBottom = M;
  if (doc.logo) {
    pdf.image(Buffer.from(doc.logo), M, M, { fit: [70, 70] });
    shopX = M + 80;
    logoBottom = M + 70;
  }
  const shopW = W - rightW - 16 - (shopX - M);
  let left = M + drawText(pdf, T, doc.shop.name, shopX, M, shopW, { size: 15, bold: true }) + 2;
  for (const line of shopContactLines(doc.shop)) left += drawText(pdf, T, line, shopX, left, shopW, { size: 8, color: T.muted }) + 1.5;
  const rx = M + W - rightW;
  let right = M + drawText(pdf, T, heading.title.toUpperCase(), rx, M - 2, rightW, { size: 18, bold: true, color: T.accent, align: "right" });
  right += drawText(pdf, T, heading.titleMs, rx, right, rightW, { size: 10, color: T.muted, align: "right" }) + 8;
  for (const [key, value] of heading.meta) {
    drawText(pdf, T, key, rx, right + 0.8, 120, { size: 7.5, color: T.muted });
    right += drawText(pdf, T, value, rx + 110, right, rightW - 110, { size: 8.5, bold: true, align: "right" }) + 3;
  }
  const y = Math.max(left, right, logoBottom) + 10;
  hRule(pdf, T, M, y, W, { weight: 1.5, color: T.accent });
  return y + 12;
}

export function startCommercial(doc: Common, heading: Heading, createdAt: Date): { pdf: Pdf; finished: Promise<Buffer>; y: number; runningHead: () => number } {
  const { doc: pdf, finished } = createPdf({
    size: A4, margins: { top: M, left: M, right: M, bottom: 46 },
    title: `${heading.short} · ${doc.shop.name}`, author: doc.shop.name, subject: `${heading.title} / ${heading.titleMs}`, createdAt,
  });
  const runningHead = (): number => {
    drawText(pdf, T, `${doc.shop.name}  ·  ${heading.short}  ·  ${doc.job_number}  (continued / sambungan)`, M, M, W, { size: 8, color: T.muted });
    hRule(pdf, T, M, M + 14, W);
    return M + 22;
  };

  let y = drawLetterhead(pdf, doc, heading);

  // Customer and device side by side.
  const colW = (W - 20) / 2;
  const label = (text: string, x: number, at: number): number =>
    drawText(pdf, T, text.toUpperCase(), x, at, colW, { size: 7, bold: true, color: T.muted }) + 2;
  let cy = y + label("Customer / Pelanggan", M, y);
  cy += drawText(pdf, T, doc.customer.name, M, cy, colW, { size: 11, bold: true }) + 1;
  cy += drawText(pdf, T, displayPhone(doc.customer.phone), M, cy, colW, { size: 9.5 });
  const dx = M + colW + 20;
  let dy = y + label("Device / Peranti", dx, y);
  dy += drawText(pdf, T, `${doc.device.brand} ${doc.device.model}`, dx, dy, colW, { size: 11, bold: true }) + 1;
  const details = [DEVICE_TYPE_LABELS[doc.device.type], doc.device.imei_or_serial && `IMEI / Serial ${doc.device.imei_or_serial}`, doc.device.colour]
    .filter(Boolean).join("  ·  ");
  dy += drawText(pdf, T, details, dx, dy, colW, { size: 9.5 });
  y = Math.max(cy, dy) + 12;
  return { pdf, finished, y, runningHead };
}

/** A labelled paragraph across the page (diagnosis, notes); flows to the next page when long. */
export function paragraph(pdf: Pdf, heading: string, text: string, y: number, runningHead: () => number, size = 9.5, color?: string): number {
  y = ensureRoom(pdf, y, 14 + Math.min(measure(pdf, T, text, W, { size }), 60), runningHead);
  y += drawText(pdf, T, heading.toUpperCase(), M, y, W, { size: 7, bold: true, color: T.muted }) + 2;
  y = flowText(pdf, T, text, M, y, W, { size, color }, runningHead);
  return y + 10;
}

const hours = (h: number): string => `${Number(h.toFixed(2))} h`;

/** The line table's columns; the invoice adds the warranty column. */
export function lineColumns(withWarranty: boolean): TableColumn[] {
  const fixed: TableColumn[] = [
    { title: "Grade", subtitle: "Gred", width: 70, align: "left" },
    { title: "Qty", subtitle: "Kuantiti", width: 44, align: "right" },
    { title: "Unit price", subtitle: "Harga seunit", width: 70, align: "right" },
    ...(withWarranty ? [{ title: "Warranty", subtitle: "Waranti", width: 56, align: "left" } as const] : []),
    { title: "Amount", subtitle: "Jumlah", width: 82, align: "right" },
  ];
  const number: TableColumn = { title: "#", width: 20, align: "left" };
  const description: TableColumn = {
    title: "Description", subtitle: "Keterangan", align: "left",
    width: W - number.width - fixed.reduce((sum, c) => sum + c.width, 0),
  };
  return [number, description, ...fixed];
}

/** One table row; `markTaxFree` notes lines outside SST when the shop charges it. */
export function lineCells(line: DocumentLine, index: number, withWarranty: boolean, markTaxFree: boolean): TableCell[] {
  const amount = lineAmountSen(line);
  const dash = "—";
  let note: string | undefined;
  let quantity = "1";
  let unit = formatMYR(amount);
  switch (line.kind) {
    case "part":
      quantity = String(line.quantity);
      unit = formatMYR(line.unit_price_sen);
      break;
    case "labour_hourly":
      note = `Labour / Upah: ${hours(line.hours)} × ${formatMYR(line.hourly_rate_sen)}`;
      quantity = hours(line.hours);
      unit = `${formatMYR(line.hourly_rate_sen)}/h`;
      break;
    case "labour_fixed":
      note = "Labour, fixed price / Upah, harga tetap";
      break;
    case "fee":
      break;
  }
  if (markTaxFree && !line.taxable) note = note ? `${note} · No SST / Tiada SST` : "No SST / Tiada SST";
  const grade = line.kind === "part" && line.grade ? PART_GRADE_LABELS[line.grade.toLowerCase()] ?? line.grade : dash;
  const warranty = line.warranty_days === undefined ? dash : line.warranty_days === 0 ? "None" : daysLabel(line.warranty_days);
  return [
    { text: String(index + 1) },
    { text: line.description, note },
    { text: grade },
    { text: quantity },
    { text: unit },
    ...(withWarranty ? [{ text: warranty }] : []),
    line.waived
      ? { text: formatMYR(amount), strike: true, note: "Waived / Dikecualikan" }
      : { text: formatMYR(amount) },
  ];
}
