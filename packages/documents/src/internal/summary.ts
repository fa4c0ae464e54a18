import { drawText, ensureRoom, hRule, measure, PRINT_THEME as T } from "./draw.js";
import { M, W } from "./commercial.js";
import type { Pdf } from "./pdf.js";

export interface SummaryRow {
  label: string;
  amount: string;
  /** "total" gets a rule and bold type, "due" a shaded band; "muted" is for information only. */
  style?: "total" | "due" | "muted";
}

export interface SideNote {
  title: string;
  lines: Array<{ text: string; bold?: boolean; muted?: boolean }>;
}

const SUMMARY_W = 280;
const GAP = 20;
const AMOUNT_W = 84;
/** Labels wrap within this width, left of the amounts. */
const LABEL_W = SUMMARY_W - AMOUNT_W - 18;

function rowHeight(pdf: Pdf, row: SummaryRow): number {
  const size = row.style === "due" ? 10.5 : row.style === "total" ? 10 : 8.8;
  return measure(pdf, T, row.label, LABEL_W, { size, bold: row.style !== undefined && row.style !== "muted" }) + (row.style ? 9 : 5);
}

function noteHeight(pdf: Pdf, note: SideNote, width: number): number {
  return 24 + note.lines.reduce((sum, line) => sum + measure(pdf, T, line.text, width - 20, { size: 8.5, bold: line.bold }) + 3, 0);
}

/** Money summary on the right, an optional boxed note on the left; kept together on one page. */
export function drawSummary(pdf: Pdf, rows: SummaryRow[], note: SideNote | null, y: number, runningHead: () => number): number {
  const noteW = W - SUMMARY_W - GAP;
  const summaryH = rows.reduce((sum, row) => sum + rowHeight(pdf, row), 0);
  const boxH = note ? noteHeight(pdf, note, noteW) : 0;
  y = ensureRoom(pdf, y, Math.max(summaryH, boxH) + 4, runningHead);

  const sx = M + W - SUMMARY_W;
  let sy = y;
  for (const row of rows) {
    const height = rowHeight(pdf, row);
    const size = row.style === "due" ? 10.5 : row.style === "total" ? 10 : 8.8;
    const bold = row.style === "total" || row.style === "due";
    const color = row.style === "muted" ? T.muted : row.style === "due" ? T.accent : T.ink;
    if (row.style === "total") hRule(pdf, T, sx, sy + 1, SUMMARY_W, { weight: 1, color: T.ink });
    if (row.style === "due") pdf.save().rect(sx, sy + 2, SUMMARY_W, height - 2).fill(T.fill!).restore();
    const top = sy + (row.style ? 5.5 : 2.5);
    drawText(pdf, T, row.label, sx + 6, top, LABEL_W, { size, bold, color });
    drawText(pdf, T, row.amount, sx + SUMMARY_W - AMOUNT_W - 6, top, AMOUNT_W, { size, bold, color, align: "right" });
    sy += height;
  }

  if (note) {
    pdf.save().lineWidth(0.8).strokeColor(T.accent).roundedRect(M, y + 2, noteW, boxH, 4).stroke().restore();
    let ny = y + 10;
    ny += drawText(pdf, T, note.title.toUpperCase(), M + 10, ny, noteW - 20, { size: 7.5, bold: true, color: T.accent }) + 4;
    for (const line of note.lines) {
      ny += drawText(pdf, T, line.text, M + 10, ny, noteW - 20, { size: 8.5, bold: line.bold, color: line.muted ? T.muted : T.ink }) + 3;
    }
  }
  return Math.max(sy, y + 2 + boxH) + 16;
}
