import { SLIP_TEXT, type SlipView } from "../intake-slip.js";
import { drawQr, drawText, ensureRoom, flowText, hRule, measure, PRINT_THEME as T } from "./draw.js";
import { createPdf, finishWithFooter } from "./pdf.js";

/** A5 portrait in points (148 × 210 mm). */
export const A5: [number, number] = [419.53, 595.28];
const M = 28;
const W = A5[0] - 2 * M;
/** The QR box, quiet zone included (the symbol itself is about 66 pt). */
const QR = 84;

interface Meta { title: string; author: string; subject: string; createdAt: Date }

export function drawSlipA5(view: SlipView, meta: Meta): Promise<Buffer> {
  const { doc, finished } = createPdf({ size: A5, margins: { top: M, left: M, right: M, bottom: 34 }, ...meta });
  const runningHead = (): number => {
    drawText(doc, T, `${view.shopName}  ·  ${SLIP_TEXT.title} ${view.jobNumber} (continued / sambungan)`, M, M, W, { size: 7.5, color: T.muted });
    return M + 18;
  };
  /** Small bilingual caption above a value. */
  const label = (text: string, x: number, y: number, width: number): number =>
    drawText(doc, T, text.toUpperCase(), x, y, width, { size: 6.3, bold: true, color: T.muted }) + 1.5;

  // Header: shop on the left, title and job number on the right.
  const rightW = 138;
  const leftW = W - rightW - 12;
  let left = M + drawText(doc, T, view.shopName, M, M, leftW, { size: 13, bold: true });
  for (const line of view.shopLines) left += drawText(doc, T, line, M, left + 1, leftW, { size: 7, color: T.muted }) + 1;
  const rx = M + W - rightW;
  let right = M + drawText(doc, T, SLIP_TEXT.title.toUpperCase(), rx, M + 1, rightW, { size: 9.5, bold: true, color: T.accent, align: "right" });
  right += drawText(doc, T, SLIP_TEXT.titleMs, rx, right, rightW, { size: 8, color: T.muted, align: "right" }) + 4;
  right += drawText(doc, T, view.jobNumber, rx, right, rightW, { size: 15, bold: true, align: "right" }) + 2;
  right += drawText(doc, T, `Received / Diterima: ${view.receivedAt}`, rx, right, rightW, { size: 7.5, align: "right" });
  let y = Math.max(left, right) + 8;
  hRule(doc, T, M, y, W, { weight: 1.4, color: T.accent });
  y += 10;

  // Customer and job facts on the left, the device on the right.
  const gap = 16;
  const colW = (W - gap) / 2;
  let ly = y + label("Customer / Pelanggan", M, y, colW);
  ly += drawText(doc, T, view.customerName, M, ly, colW, { size: 10.5, bold: true });
  ly += drawText(doc, T, view.customerPhone, M, ly + 1, colW, { size: 9 }) + 4;

  const dx = M + colW + gap;
  let ry = y + label("Device / Peranti", dx, y, colW);
  const keyW = 70;
  for (const [name, value] of view.device) {
    const h = Math.max(
      drawText(doc, T, name, dx, ry + 1, keyW, { size: 7, color: T.muted }),
      drawText(doc, T, value, dx + keyW, ry, colW - keyW, { size: 9, bold: name.startsWith("IMEI") }),
    );
    ry += h + 2.5;
  }
  y = Math.max(ly, ry) + 6;

  // The job's facts in a shaded strip.
  const facts: Array<[string, string]> = [
    ["Priority / Keutamaan", view.priority],
    ["Deposit paid / Deposit dibayar", view.deposit],
    ["Est. completion / Anggaran siap", view.estimatedCompletion ?? "To be advised / Akan dimaklumkan"],
  ];
  const factW = W / facts.length;
  const stripH = 30;
  doc.save().rect(M, y, W, stripH).fill(T.fill!).restore();
  facts.forEach(([name, value], i) => {
    const fx = M + i * factW + 7;
    const used = label(name, fx, y + 5, factW - 10);
    drawText(doc, T, value, fx, y + 5 + used, factW - 10, { size: 9, bold: i === 1 });
  });
  y += stripH + 10;

  // Free text: accessories, condition, issue. Long text flows onto a second page.
  const blocks: Array<[string, string]> = [
    ["Accessories received / Aksesori diterima", view.accessories],
    ["Condition on arrival / Keadaan semasa diterima", view.condition],
    ["Reported issue / Masalah dilaporkan", view.issue],
  ];
  for (const [name, value] of blocks) {
    const height = 10 + measure(doc, T, value, W, { size: 9 });
    y = ensureRoom(doc, y, Math.min(height, 120), runningHead);
    y += label(name, M, y, W);
    y = flowText(doc, T, value, M, y, W, { size: 9 }, runningHead) + 7;
  }

  // Terms, in small print.
  if (view.terms) {
    y = ensureRoom(doc, y, 30, runningHead);
    hRule(doc, T, M, y, W);
    y += 6;
    y += label("Terms / Terma", M, y, W);
    y = flowText(doc, T, view.terms, M, y, W, { size: 6.8, color: T.muted }, runningHead) + 8;
  }

  // Signature on the left, the two QR codes on the right.
  const zoneH = QR + 20;
  y = ensureRoom(doc, y, zoneH, runningHead);
  // Keep the signatures and QR codes at the foot of the page, where customers expect them.
  y = Math.max(y, doc.page.height - doc.page.margins.bottom - zoneH);
  const cellW = QR + 8;
  const sigW = W - 2 * cellW - 12;
  drawText(doc, T, SLIP_TEXT.signatureNote, M, y, sigW, { size: 6.8, color: T.muted });
  hRule(doc, T, M, y + 40, sigW, { color: T.ink, weight: 0.6 });
  drawText(doc, T, SLIP_TEXT.signature, M, y + 43, sigW, { size: 6.8 });
  hRule(doc, T, M, y + 78, sigW, { color: T.ink, weight: 0.6 });
  drawText(doc, T, `${SLIP_TEXT.receivedBy}${view.receivedBy ? `: ${view.receivedBy}` : ""}`, M, y + 81, sigW, { size: 6.8 });
  const codes: Array<[string, string]> = [[view.trackingUrl, SLIP_TEXT.trackCaption], [view.whatsappUrl, SLIP_TEXT.whatsappCaption]];
  codes.forEach(([url, caption], i) => {
    const cx = M + W - (2 - i) * cellW;
    drawQr(doc, url, cx + (cellW - QR) / 2, y - 6, QR);
    drawText(doc, T, caption, cx, y + QR - 6, cellW, { size: 6.8, bold: true, align: "center" });
  });

  finishWithFooter(doc, `${view.jobNumber}  ·  ${view.trackingUrl}`, { font: T.regular, size: 6.5, color: T.muted });
  return finished;
}
