import { z } from "zod";
import { M } from "./internal/commercial.js";
import { drawText, ensureRoom, hRule, PRINT_THEME as T } from "./internal/draw.js";
import { shopContactLines } from "./internal/format.js";
import { createPdf, finishWithFooter } from "./internal/pdf.js";
import { drawTable } from "./internal/table.js";
import { documentShopSchema } from "./schemas.js";

const cell = z.union([z.string().max(300), z.number()]);

export const reportDocumentSchema = z.object({
  title: z.string().trim().min(1).max(120),
  /** e.g. "1 Nov 2026 – 30 Nov 2026 (Asia/Kuala_Lumpur)". */
  period: z.string().trim().min(1).max(120),
  generated_at: z.iso.datetime({ offset: true }),
  shop: documentShopSchema,
  summary: z.array(z.tuple([z.string().max(80), z.string().max(80)])).max(12).default([]),
  sections: z.array(z.object({
    title: z.string().trim().min(1).max(120),
    columns: z.array(z.object({ title: z.string().max(40), align: z.enum(["left", "right"]).default("left"), weight: z.number().positive().default(1) })).min(1).max(10),
    rows: z.array(z.array(cell)).max(2000),
  }).refine((s) => s.rows.every((r) => r.length === s.columns.length), "every row needs one cell per column")).min(1).max(10),
});
export type ReportDocumentData = z.input<typeof reportDocumentSchema>;

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/** A management report (sales, best sellers, technicians, margins) as an A4 landscape PDF of tables. */
export async function renderReportPdf(data: ReportDocumentData): Promise<Buffer> {
  const report = reportDocumentSchema.parse(data);
  const width = A4_LANDSCAPE[0] - 2 * M;
  const { doc: pdf, finished } = createPdf({
    size: A4_LANDSCAPE, margins: { top: M, left: M, right: M, bottom: 46 },
    title: `${report.title} · ${report.shop.name}`, author: report.shop.name, subject: report.title, createdAt: new Date(report.generated_at),
  });
  const runningHead = (): number => {
    drawText(pdf, T, `${report.shop.name}  ·  ${report.title}  ·  ${report.period}`, M, M, width, { size: 8, color: T.muted });
    hRule(pdf, T, M, M + 14, width);
    return M + 22;
  };
  let y = M + drawText(pdf, T, report.title, M, M, width, { size: 16, bold: true, color: T.accent });
  y += drawText(pdf, T, `${report.shop.name} · ${report.period}`, M, y + 2, width, { size: 9.5 }) + 2;
  y += drawText(pdf, T, shopContactLines(report.shop).slice(0, 1).join(""), M, y, width, { size: 8, color: T.muted }) + 8;
  if (report.summary.length) {
    const colW = width / Math.min(report.summary.length, 6);
    report.summary.forEach(([label, value], i) => {
      const x = M + (i % 6) * colW;
      const top = y + Math.floor(i / 6) * 32;
      drawText(pdf, T, label.toUpperCase(), x, top, colW - 8, { size: 7, bold: true, color: T.muted });
      drawText(pdf, T, value, x, top + 10, colW - 8, { size: 12, bold: true });
    });
    y += Math.ceil(report.summary.length / 6) * 32 + 8;
  }
  for (const section of report.sections) {
    y = ensureRoom(pdf, y, 60, runningHead);
    y += drawText(pdf, T, section.title, M, y, width, { size: 11, bold: true, color: T.accent }) + 4;
    const total = section.columns.reduce((s, c) => s + c.weight, 0);
    const columns = section.columns.map((c) => ({ title: c.title, align: c.align, width: (width * c.weight) / total }));
    const rows = section.rows.length ? section.rows : [section.columns.map((_, i) => (i === 0 ? "No data in this period" : ""))];
    y = drawTable(pdf, T, { x: M, size: 8.5, columns, onNewPage: runningHead, rows: rows.map((r) => r.map((v) => ({ text: String(v) }))) }, y) + 14;
  }
  finishWithFooter(pdf, `${report.title} · generated ${new Date(report.generated_at).toISOString().slice(0, 16).replace("T", " ")} UTC`, { font: T.regular, size: 7, color: T.muted });
  return finished;
}
