import { SLIP_TEXT, type SlipView } from "../intake-slip.js";
import { drawQr, drawText, hRule, THERMAL_THEME as T } from "./draw.js";
import { createPdf, type Pdf } from "./pdf.js";

/** 80 mm roll width in points; the page is as long as the slip. */
export const THERMAL_WIDTH = 226.77;
/** Most 80 mm printers print a 72 mm band. */
const MX = 12;
const TOP = 10;
const BOTTOM = 18;
const W = THERMAL_WIDTH - 2 * MX;
/** The QR box, quiet zone included (the symbol itself is about 80 pt). */
const QR = 100;
/** PDF pages are at most 200 inches long. */
const MAX_HEIGHT = 14_400;

interface Meta { title: string; author: string; subject: string; createdAt: Date }

/** Draws the slip from the top and returns the y where the content ends. */
function layout(doc: Pdf, view: SlipView): number {
  const center = (text: string, y: number, size: number, bold = false): number =>
    drawText(doc, T, text, MX, y, W, { size, bold, align: "center" });
  const dashed = (y: number): number => {
    hRule(doc, T, MX, y + 3, W, { dashed: true, weight: 0.7 });
    return y + 7;
  };
  const keyW = 66;
  /** Key on the left, value wrapping on the right; returns the y below the row. */
  const row = (key: string, value: string, y: number, bold = false): number =>
    y + Math.max(
      drawText(doc, T, key, MX, y + 0.5, keyW - 4, { size: 7.5 }),
      drawText(doc, T, value, MX + keyW, y, W - keyW, { size: 8.8, bold }),
    ) + 2;
  /** A heading line and text under it at full width; returns the y below. */
  const block = (key: string, value: string, y: number, size = 8.8): number => {
    y += drawText(doc, T, key, MX, y, W, { size: 7.5, bold: true });
    return y + drawText(doc, T, value, MX, y + 0.5, W, { size }) + 4;
  };

  let y = TOP;
  y += center(view.shopName, y, 12, true) + 1;
  for (const line of view.shopLines) y += center(line, y, 7.3);
  y = dashed(y + 2);
  y += center(SLIP_TEXT.title.toUpperCase(), y, 10, true);
  y += center(SLIP_TEXT.titleMs, y, 8.5);
  y += center(view.jobNumber, y + 3, 17, true) + 4;
  y += center(`Received / Diterima: ${view.receivedAt}`, y, 8);
  y = dashed(y + 2);

  y = row("Customer / Pelanggan", view.customerName, y, true);
  y = row("Phone / Telefon", view.customerPhone, y);
  for (const [key, value] of view.device) y = row(key, value, y, key.startsWith("IMEI"));
  y = row("Priority / Keutamaan", view.priority, y);
  y = row("Deposit paid / Deposit dibayar", view.deposit, y, true);
  if (view.estimatedCompletion) y = row("Est. completion / Anggaran siap", view.estimatedCompletion, y);
  y = dashed(y + 1);

  y = block("Accessories received / Aksesori diterima", view.accessories, y);
  y = block("Condition on arrival / Keadaan semasa diterima", view.condition, y);
  y = block("Reported issue / Masalah dilaporkan", view.issue, y);
  if (view.terms) {
    y = dashed(y - 2);
    y = block("Terms / Terma", view.terms, y, 6.8);
  }

  y += drawText(doc, T, SLIP_TEXT.signatureNote, MX, y + 2, W, { size: 6.8 }) + 26;
  hRule(doc, T, MX, y, W, { weight: 0.6 });
  y += 2 + drawText(doc, T, SLIP_TEXT.signature, MX, y + 2, W, { size: 7 });
  if (view.receivedBy) y += drawText(doc, T, `${SLIP_TEXT.receivedBy}: ${view.receivedBy}`, MX, y + 2, W, { size: 7 }) + 2;
  y = dashed(y + 3);

  const cellW = W / 2;
  const codes: Array<[string, string]> = [[view.trackingUrl, SLIP_TEXT.trackCaption], [view.whatsappUrl, SLIP_TEXT.whatsappCaption]];
  let captions = 0;
  codes.forEach(([url, caption], i) => {
    const cx = MX + i * cellW;
    drawQr(doc, url, cx + (cellW - QR) / 2, y, QR);
    captions = Math.max(captions, drawText(doc, T, caption, cx + 2, y + QR - 2, cellW - 4, { size: 7.3, bold: true, align: "center" }));
  });
  y += QR + captions;
  y += center("Thank you / Terima kasih", y + 6, 8) + 6;
  return y;
}

/**
 * Renders twice: once on a very long page to measure the slip, then on a page exactly that long,
 * so the printer feeds no blank paper.
 */
export async function drawSlipThermal(view: SlipView, meta: Meta): Promise<Buffer> {
  const margins = { top: TOP, left: MX, right: MX, bottom: 0 };
  const probe = createPdf({ size: [THERMAL_WIDTH, MAX_HEIGHT], margins, ...meta });
  const contentEnd = layout(probe.doc, view);
  probe.doc.end();
  await probe.finished;

  const height = Math.min(MAX_HEIGHT, Math.ceil(contentEnd + BOTTOM));
  const { doc, finished } = createPdf({ size: [THERMAL_WIDTH, height], margins, ...meta });
  layout(doc, view);
  doc.end();
  return finished;
}
