import { drawText, ensureRoom, hRule, measure, type Theme } from "./draw.js";
import type { Pdf } from "./pdf.js";

export interface TableColumn {
  title: string;
  /** Second header line, in Malay. */
  subtitle?: string;
  width: number;
  align: "left" | "right" | "center";
}

export interface TableCell {
  text: string;
  /** A smaller grey line under the text (labour breakdown, grade, warranty). */
  note?: string;
  strike?: boolean;
  bold?: boolean;
}

export interface TableOptions {
  x: number;
  columns: TableColumn[];
  rows: TableCell[][];
  size: number;
  /** Called after a page break; draws the page's running head and returns the y below it. */
  onNewPage: () => number;
}

const PAD_X = 4;
const PAD_Y = 4;

function headerHeight(doc: Pdf, theme: Theme, options: TableOptions): number {
  const size = options.size - 0.5;
  return Math.max(...options.columns.map((c) =>
    measure(doc, theme, c.title, c.width - 2 * PAD_X, { size, bold: true }) +
    (c.subtitle ? measure(doc, theme, c.subtitle, c.width - 2 * PAD_X, { size: size - 1 }) : 0))) + 2 * PAD_Y;
}

function drawHeader(doc: Pdf, theme: Theme, options: TableOptions, y: number): number {
  const height = headerHeight(doc, theme, options);
  const width = options.columns.reduce((sum, c) => sum + c.width, 0);
  if (theme.fill) doc.save().rect(options.x, y, width, height).fill(theme.fill).restore();
  hRule(doc, theme, options.x, y, width, { weight: 0.8, color: theme.accent });
  let x = options.x;
  const size = options.size - 0.5;
  for (const column of options.columns) {
    const inner = column.width - 2 * PAD_X;
    const used = drawText(doc, theme, column.title, x + PAD_X, y + PAD_Y, inner, { size, bold: true, align: column.align, color: theme.accent });
    if (column.subtitle) drawText(doc, theme, column.subtitle, x + PAD_X, y + PAD_Y + used, inner, { size: size - 1, align: column.align, color: theme.muted });
    x += column.width;
  }
  hRule(doc, theme, options.x, y + height, width, { weight: 0.8, color: theme.accent });
  return y + height;
}

function rowHeight(doc: Pdf, theme: Theme, options: TableOptions, row: TableCell[]): number {
  return Math.max(...row.map((cell, i) => {
    const inner = options.columns[i]!.width - 2 * PAD_X;
    return measure(doc, theme, cell.text, inner, { size: options.size, bold: cell.bold }) +
      (cell.note ? measure(doc, theme, cell.note, inner, { size: options.size - 1.5 }) + 1 : 0);
  })) + 2 * PAD_Y;
}

/** Draws the table from y; rows never split, and the header is repeated on every new page. */
export function drawTable(doc: Pdf, theme: Theme, options: TableOptions, y: number): number {
  const width = options.columns.reduce((sum, c) => sum + c.width, 0);
  const first = rowHeight(doc, theme, options, options.rows[0] ?? []);
  y = ensureRoom(doc, y, headerHeight(doc, theme, options) + first, options.onNewPage);
  y = drawHeader(doc, theme, options, y);
  for (const row of options.rows) {
    const height = rowHeight(doc, theme, options, row);
    const top = ensureRoom(doc, y, height, options.onNewPage);
    if (top !== y) y = drawHeader(doc, theme, options, top);
    let x = options.x;
    row.forEach((cell, i) => {
      const column = options.columns[i]!;
      const inner = column.width - 2 * PAD_X;
      const used = drawText(doc, theme, cell.text, x + PAD_X, y + PAD_Y, inner, {
        size: options.size, bold: cell.bold, strike: cell.strike, align: column.align,
      });
      if (cell.note) drawText(doc, theme, cell.note, x + PAD_X, y + PAD_Y + used + 1, inner, { size: options.size - 1.5, align: column.align, color: theme.muted });
      x += column.width;
    });
    y += height;
    hRule(doc, theme, options.x, y, width, { weight: 0.4 });
  }
  return y;
}
