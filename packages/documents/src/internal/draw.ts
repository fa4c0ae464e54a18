import QRCode from "qrcode";
import { FONT, printable, type FontName } from "./fonts.js";
import type { Pdf } from "./pdf.js";

export interface Theme {
  regular: FontName;
  bold: FontName;
  ink: string;
  muted: string;
  accent: string;
  rule: string;
  /** Light fill for table headers and boxes; null where fills waste toner or paper. */
  fill: string | null;
}

export const PRINT_THEME: Theme = {
  regular: FONT.regular, bold: FONT.bold, ink: "#111111", muted: "#5b6470", accent: "#0d4a7a", rule: "#c3cad3", fill: "#eef2f6",
};
/** Thermal printers print only black; grey would be dithered into noise. */
export const THERMAL_THEME: Theme = {
  regular: FONT.narrow, bold: FONT.narrowBold, ink: "#000000", muted: "#000000", accent: "#000000", rule: "#000000", fill: null,
};

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  align?: "left" | "center" | "right" | "justify";
  lineGap?: number;
  strike?: boolean;
}

function apply(doc: Pdf, theme: Theme, style: TextStyle): PDFKit.Mixins.TextOptions {
  doc.font(style.bold ? theme.bold : theme.regular).fontSize(style.size).fillColor(style.color ?? theme.ink);
  return { align: style.align ?? "left", lineGap: style.lineGap ?? 0.5, strike: style.strike ?? false };
}

/** Height the text takes at this width, without drawing it. */
export function measure(doc: Pdf, theme: Theme, text: string, width: number, style: TextStyle): number {
  const options = apply(doc, theme, style);
  return doc.heightOfString(printable(text), { ...options, width });
}

export function textWidth(doc: Pdf, theme: Theme, text: string, style: TextStyle): number {
  apply(doc, theme, style);
  return doc.widthOfString(printable(text));
}

/** Draws wrapped text in a box starting at (x, y); returns the height used. */
export function drawText(doc: Pdf, theme: Theme, text: string, x: number, y: number, width: number, style: TextStyle): number {
  const options = apply(doc, theme, style);
  const clean = printable(text);
  const height = doc.heightOfString(clean, { ...options, width });
  doc.text(clean, x, y, { ...options, width, height: height + style.size });
  return height;
}

export function hRule(doc: Pdf, theme: Theme, x: number, y: number, width: number, options: { weight?: number; dashed?: boolean; color?: string } = {}): void {
  doc.save().lineWidth(options.weight ?? 0.6).strokeColor(options.color ?? theme.rule);
  if (options.dashed) doc.dash(2, { space: 2 });
  doc.moveTo(x, y).lineTo(x + width, y).stroke();
  doc.undash().restore();
}

/** Modules of white a reader needs around a QR symbol. */
const QUIET_MODULES = 4;

/**
 * A QR code drawn as vector squares (sharp at any printer resolution) in a `box`-point square
 * that includes the white quiet zone readers need, so nothing else may be drawn inside the box.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, box: number, color = "#000000"): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = box / (modules.size + 2 * QUIET_MODULES);
  const left = x + QUIET_MODULES * cell;
  const top = y + QUIET_MODULES * cell;
  doc.save().fillColor(color);
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) { col++; continue; }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(left + start * cell, top + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fill().restore();
}

/** Room left on the current page below y. */
export function roomBelow(doc: Pdf, y: number): number {
  return doc.page.height - doc.page.margins.bottom - y;
}

/** Starts a new page when `height` does not fit below y; returns the y to draw at. */
export function ensureRoom(doc: Pdf, y: number, height: number, onNewPage?: () => number): number {
  if (height <= roomBelow(doc, y)) return y;
  doc.addPage();
  return onNewPage ? onNewPage() : doc.page.margins.top;
}

/**
 * Wrapped text that continues on a new page when it reaches the bottom margin: the page break
 * falls between words, and `onNewPage` draws the running head and returns the y to go on at.
 */
export function flowText(doc: Pdf, theme: Theme, text: string, x: number, y: number, width: number, style: TextStyle, onNewPage: () => number): number {
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  for (const paragraph of text.split("\n")) {
    if (y + measure(doc, theme, paragraph || " ", width, style) <= bottom()) {
      y += drawText(doc, theme, paragraph || " ", x, y, width, style);
      continue;
    }
    let chunk = "";
    for (const word of paragraph.split(/(?<=\s)/)) {
      const candidate = chunk + word;
      if (chunk && y + measure(doc, theme, candidate, width, style) > bottom()) {
        y += drawText(doc, theme, chunk, x, y, width, style);
        doc.addPage();
        y = onNewPage();
        chunk = word;
      } else chunk = candidate;
    }
    y += drawText(doc, theme, chunk || " ", x, y, width, style);
  }
  return y;
}
