import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS whose module.exports is the function and also carries it as `default`;
// TypeScript sees only the latter under NodeNext.
const jsQR = jsQRModule.default;

/** Writes the PDF to a fresh temp dir, runs `run` on its path, and removes the dir. */
function withPdf<T>(pdf: Buffer, run: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "voltura-doc-"));
  try {
    const path = join(dir, "doc.pdf");
    writeFileSync(path, pdf);
    return run(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The PDF's text as pdftotext reads it, with non-breaking spaces and runs of spaces made single
 * spaces. `layout` keeps what stands on one line together (a label and its amount), at the cost
 * of interleaving text that wraps inside neighbouring columns.
 */
export function pdfText(pdf: Buffer, mode: "reading" | "layout" = "reading"): string {
  const args = [...(mode === "layout" ? ["-layout"] : []), "-enc", "UTF-8"];
  const raw = withPdf(pdf, (path) => execFileSync("/usr/bin/pdftotext", [...args, path, "-"], { encoding: "utf8" }));
  return raw.replace(/\u00a0/g, " ").replace(/[ \t]+/g, " ");
}

export interface PageSize { width: number; height: number }

/** Page count and every page's size in points, from pdfinfo. */
export function pdfPages(pdf: Buffer): PageSize[] {
  const out = withPdf(pdf, (path) => execFileSync("/usr/bin/pdfinfo", ["-f", "1", "-l", "999", path], { encoding: "utf8" }));
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** One page rendered to PNG by pdftoppm at `dpi`. */
export function pagePng(pdf: Buffer, page = 1, dpi = 150): Buffer {
  return withPdf(pdf, (path, dir) => {
    execFileSync("/usr/bin/pdftoppm", ["-r", String(dpi), "-png", "-f", String(page), "-l", String(page), "-singlefile", path, join(dir, "page")]);
    return readFileSync(join(dir, "page.png"));
  });
}

/**
 * Every QR code on the page image. jsQR reads one code per image and gives up when a page holds
 * several, so the page is cut into blobs of dark cells first (a QR symbol is one blob; its quiet
 * zone separates it from its neighbours); each square blob is copied onto a white canvas and read.
 */
export function decodeQrCodes(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const cell = 6;
  const cols = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  const dark = new Uint8Array(cols * rows);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 3 * 128) dark[Math.floor(y / cell) * cols + Math.floor(x / cell)] = 1;
    }
  }
  const seen = new Uint8Array(cols * rows);
  const found: string[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (!dark[start] || seen[start]) continue;
    let [minX, minY, maxX, maxY] = [cols, rows, 0, 0];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const at = stack.pop()!;
      const cx = at % cols;
      const cy = Math.floor(at / cols);
      [minX, minY, maxX, maxY] = [Math.min(minX, cx), Math.min(minY, cy), Math.max(maxX, cx), Math.max(maxY, cy)];
      for (const [nx, ny] of [[cx + 1, cy], [cx - 1, cy], [cx, cy + 1], [cx, cy - 1]] as const) {
        const next = ny * cols + nx;
        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows && dark[next] && !seen[next]) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    const width = (maxX - minX + 1) * cell;
    const height = (maxY - minY + 1) * cell;
    if (width < 60 || Math.abs(width - height) > 0.2 * width) continue;
    const code = readRegion(image, minX * cell, minY * cell, width, height);
    if (code) found.push(code);
  }
  return found;
}

/** jsQR on one region of the image, copied onto a white canvas with a wide margin. */
function readRegion(image: PNG, x0: number, y0: number, width: number, height: number): string | null {
  const margin = 24;
  const w = width + 2 * margin;
  const h = height + 2 * margin;
  const canvas = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < height && y0 + y < image.height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    const length = Math.min(width, image.width - x0) * 4;
    canvas.set(image.data.subarray(from, from + length), ((y + margin) * w + margin) * 4);
  }
  return jsQR(canvas, w, h, { inversionAttempts: "dontInvert" })?.data ?? null;
}

/** Text of one page (1-based). */
export function pdfPageText(pdf: Buffer, page: number): string {
  const raw = withPdf(pdf, (path) =>
    execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), path, "-"], { encoding: "utf8" }));
  return raw.replace(/\u00a0/g, " ").replace(/[ \t]+/g, " ");
}

/** All whitespace (line breaks from wrapping included) as single spaces, for matching long passages. */
export const flat = (text: string): string => text.replace(/\s+/g, " ");

/** The images embedded in the PDF, as `pdfimages -list` reports them: [page, type, width, height]. */
export function pdfImages(pdf: Buffer): Array<[number, string, number, number]> {
  const out = withPdf(pdf, (path) => execFileSync("/usr/bin/pdfimages", ["-list", path], { encoding: "utf8" }));
  return out.split("\n").slice(2).filter((l) => l.trim()).map((l) => {
    const [page, , type, width, height] = l.trim().split(/\s+/);
    return [Number(page), type!, Number(width), Number(height)];
  });
}

/** If DOCUMENTS_PREVIEW_DIR is set, writes the PDF and its first page as PNG there for a person to look at. */
export function keepPreview(name: string, pdf: Buffer, dpi = 110): void {
  const dir = process.env.DOCUMENTS_PREVIEW_DIR;
  if (!dir) return;
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  writeFileSync(join(dir, `${name}.png`), pagePng(pdf, 1, dpi));
}
