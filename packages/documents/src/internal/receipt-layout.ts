import type { ReceiptLayout } from "../receipt-schema.js";
import type { ReceiptView } from "../receipt.js";
import { drawText, hRule, PRINT_THEME, THERMAL_THEME, type Theme } from "./draw.js";
import { createPdf, type Pdf } from "./pdf.js";

interface Meta { title: string; author: string; subject: string; createdAt: Date }

interface Geometry {
  width: number;
  /** Fixed page height; null = as long as the content (thermal roll). */
  height: number | null;
  margin: number;
  theme: Theme;
  /** Font scale against the thermal sizes. */
  scale: number;
}

const GEOMETRY: Record<ReceiptLayout, Geometry> = {
  thermal80: { width: 226.77, height: null, margin: 12, theme: THERMAL_THEME, scale: 1 },
  a5: { width: 419.53, height: 595.28, margin: 36, theme: PRINT_THEME, scale: 1.2 },
  a4: { width: 595.28, height: 841.89, margin: 48, theme: PRINT_THEME, scale: 1.35 },
};
const TOP = 10;
const BOTTOM = 18;
const MAX_HEIGHT = 14_400;
const LOGO_HEIGHT = 40;

/** Draws the receipt from the top and returns the y where it ends. */
function layout(doc: Pdf, view: ReceiptView, g: Geometry): number {
  const T = g.theme;
  const x = g.margin;
  const w = g.width - 2 * g.margin;
  const s = (size: number) => size * g.scale;
  const center = (text: string, y: number, size: number, bold = false) => drawText(doc, T, text, x, y, w, { size: s(size), bold, align: "center" });
  const dashed = (y: number) => {
    hRule(doc, T, x, y + 3, w, { dashed: true, weight: 0.7 });
    return y + 7;
  };
  const amountW = Math.min(80 * g.scale, w * 0.35);
  /** Label left, amount right-aligned on the same line; returns the y below. */
  const pair = (label: string, amount: string, y: number, size = 8.5, bold = false) =>
    y + Math.max(
      drawText(doc, T, label, x, y, w - amountW - 4, { size: s(size), bold }),
      drawText(doc, T, amount, x + w - amountW, y, amountW, { size: s(size), bold, align: "right" }),
    ) + 1.5;

  let y = g.height === null ? TOP : g.margin;
  if (view.logo) {
    try {
      doc.image(Buffer.from(view.logo), x + w / 2 - LOGO_HEIGHT, y, { fit: [LOGO_HEIGHT * 2, LOGO_HEIGHT], align: "center" });
      y += LOGO_HEIGHT + 4;
    } catch {
      // An unreadable logo must not cost the customer their receipt.
    }
  }
  y += center(view.shopName, y, 12, true) + 1;
  for (const line of view.shopLines) y += center(line, y, 7.3);
  y = dashed(y + 2);
  y += center("RECEIPT / RESIT", y, 10, true) + 2;
  for (const [label, value] of view.head) y = pair(label, value, y, 8, label.startsWith("Receipt"));
  y = dashed(y + 1);
  for (const line of view.lines) {
    y += drawText(doc, T, line.title, x, y, w, { size: s(8.8), bold: true });
    y = pair(line.detail, line.amount, y, 7.8);
  }
  y = dashed(y + 1);
  for (const t of view.totals) y = pair(t.label, t.amount, y, t.strong ? 10 : 8.5, t.strong);
  y = dashed(y + 1);
  for (const [label, amount] of view.payments) y = pair(label, amount, y, 8.5);
  y = dashed(y + 1);
  for (const line of view.footer) y += center(line, y + 2, 7.8) + 2;
  return y;
}

/**
 * A thermal receipt is drawn twice (measured on a very long page, then on a page exactly that
 * long, so the printer feeds no blank paper); A5 and A4 are drawn once on their fixed page.
 */
export async function drawReceipt(view: ReceiptView, kind: ReceiptLayout, meta: Meta): Promise<Buffer> {
  const g = GEOMETRY[kind];
  const margins = { top: g.height === null ? TOP : g.margin, left: g.margin, right: g.margin, bottom: 0 };
  let height = g.height;
  if (height === null) {
    const probe = createPdf({ size: [g.width, MAX_HEIGHT], margins, ...meta });
    const end = layout(probe.doc, view, g);
    probe.doc.end();
    await probe.finished;
    height = Math.min(MAX_HEIGHT, Math.ceil(end + BOTTOM));
  }
  const { doc, finished } = createPdf({ size: [g.width, height], margins, ...meta });
  layout(doc, view, g);
  doc.end();
  return finished;
}
