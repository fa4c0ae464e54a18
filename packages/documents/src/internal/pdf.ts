import PDFDocument from "pdfkit";
import { FONT, fontBytes, type FontName } from "./fonts.js";

export type Pdf = PDFKit.PDFDocument;

export interface PdfSetup {
  /** Page size in points, [width, height]. */
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  author: string;
  subject: string;
  /** Written as the PDF's CreationDate and ModDate, so the same input gives the same bytes. */
  createdAt: Date;
}

/** A document with the bundled fonts registered, collecting its bytes as it is written. */
export function createPdf(setup: PdfSetup): { doc: Pdf; finished: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: setup.size,
    margins: setup.margins,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: setup.title,
      Author: setup.author,
      Subject: setup.subject,
      Creator: "Voltura Service Hub",
      Producer: "Voltura Service Hub (@voltura/documents, PDFKit)",
      CreationDate: setup.createdAt,
      ModDate: setup.createdAt,
    },
  });
  for (const name of Object.values(FONT)) doc.registerFont(name, fontBytes(name as FontName));
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, finished };
}

/** Writes "Page n of N" (and a note) at the foot of every buffered page, then ends the document. */
export function finishWithFooter(doc: Pdf, note: string, style: { font: FontName; size: number; color: string }): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would otherwise make PDFKit open a new page.
    doc.page.margins = { ...margins, bottom: 0 };
    const y = height - bottom + (bottom - style.size) / 2 - 2;
    doc.font(style.font).fontSize(style.size).fillColor(style.color);
    doc.text(note, margins.left, y, { width: width - margins.left - margins.right, align: "left", lineBreak: false });
    doc.text(`Page ${i - start + 1} of ${count}`, margins.left, y, {
      width: width - margins.left - margins.right, align: "right", lineBreak: false,
    });
    doc.page.margins = margins;
  }
  doc.end();
}
