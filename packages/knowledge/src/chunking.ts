import { createHash } from "node:crypto";
import type { ChunkMetadata, KnowledgeChunk, KnowledgeDocument, PriceItem } from "./types.js";

export interface ChunkOptions {
  /** Soft lower bound: keep appending units until a chunk reaches this size. */
  minChars?: number;
  /** Hard-ish upper bound: a chunk is closed before it would exceed this size. */
  maxChars?: number;
  /** Characters of trailing context carried into the next chunk (whole sentences). */
  overlapChars?: number;
}

const DEFAULTS: Required<ChunkOptions> = { minChars: 500, maxChars: 800, overlapChars: 120 };

export function chunkId(documentId: string, index: number): string {
  return createHash("sha256").update(`${documentId}\u0000${index}`).digest("hex").slice(0, 32);
}

const PRICE_LINE = /^\s*[-*•]?\s*(.+?)\s*(?:[—–:-]|=)+\s*RM\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*$/i;

/** Parse "iPhone 13 screen (OEM) — RM 350" → { item, variant, price_sen }. Null if not a price line. */
export function parsePriceLine(line: string): PriceItem | null {
  const match = PRICE_LINE.exec(line);
  if (!match || !match[1] || !match[2]) return null;
  const label = match[1].trim();
  const variantMatch = /\(([^)]+)\)\s*$/.exec(label);
  const item = variantMatch ? label.slice(0, variantMatch.index).trim() : label;
  const ringgit = Number(match[2].replace(/,/g, ""));
  if (!Number.isFinite(ringgit)) return null;
  return {
    item,
    variant: variantMatch?.[1]?.trim() ?? null,
    price_sen: Math.round(ringgit * 100),
    price_text: `RM ${match[2]}`,
  };
}

interface Unit { text: string; start: number; end: number; paragraphEnd: boolean }

/** Split into sentences, remembering paragraph ends and source offsets. */
function sentenceUnits(body: string): Unit[] {
  const units: Unit[] = [];
  const paragraphRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const para of body.matchAll(paragraphRe)) {
    const paraText = para[0];
    const base = para.index ?? 0;
    const sentenceRe = /[^.!?。\n]+(?:[.!?。]+|\n|$)/g;
    const sentences = [...paraText.matchAll(sentenceRe)].filter((s) => s[0].trim().length > 0);
    sentences.forEach((s, i) => {
      const start = base + (s.index ?? 0);
      for (const piece of hardSplit(s[0], start)) {
        units.push({ ...piece, paragraphEnd: i === sentences.length - 1 });
      }
    });
  }
  return units;
}

/** A single sentence longer than the max is cut on word boundaries (every 600 chars). */
function hardSplit(text: string, start: number): Array<{ text: string; start: number; end: number }> {
  const limit = 600;
  if (text.length <= limit) return [{ text: text.trim(), start, end: start + text.length }];
  const out: Array<{ text: string; start: number; end: number }> = [];
  let offset = 0;
  while (offset < text.length) {
    let cut = Math.min(offset + limit, text.length);
    if (cut < text.length) {
      const space = text.lastIndexOf(" ", cut);
      if (space > offset + limit / 2) cut = space;
    }
    out.push({ text: text.slice(offset, cut).trim(), start: start + offset, end: start + cut });
    offset = cut;
  }
  return out;
}

function proseChunks(body: string, opts: Required<ChunkOptions>): Array<{ content: string; start: number; end: number }> {
  const units = sentenceUnits(body);
  const chunks: Array<{ content: string; start: number; end: number }> = [];
  let current: Unit[] = [];
  const length = (us: Unit[]) => us.reduce((n, u) => n + u.text.length + 1, 0);
  const flush = () => {
    if (current.length === 0) return;
    chunks.push({
      content: current.map((u, i) => u.text + (u.paragraphEnd && i < current.length - 1 ? "\n\n" : " ")).join("").trim(),
      start: current[0]!.start,
      end: current[current.length - 1]!.end,
    });
    // Overlap: carry whole trailing sentences up to overlapChars into the next chunk.
    const carry: Unit[] = [];
    for (let i = current.length - 1; i > 0; i--) {
      const u = current[i]!;
      if (length(carry) + u.text.length > opts.overlapChars) break;
      carry.unshift(u);
    }
    current = carry;
  };
  let freshSinceFlush = 0;
  for (const unit of units) {
    const wouldBe = length(current) + unit.text.length;
    const atParagraphBreak = current.length > 0 && current[current.length - 1]!.paragraphEnd;
    if (freshSinceFlush > 0 && (wouldBe > opts.maxChars || (atParagraphBreak && length(current) >= opts.minChars))) {
      flush();
      freshSinceFlush = 0;
    }
    current.push(unit);
    freshSinceFlush++;
  }
  if (freshSinceFlush > 0) flush();
  return chunks;
}

function build(doc: KnowledgeDocument, pieces: Array<{ content: string; start: number; end: number; price?: PriceItem }>): KnowledgeChunk[] {
  return pieces.map((p, index) => {
    const metadata: ChunkMetadata = { chunk_index: index, chunk_count: pieces.length, char_start: p.start, char_end: p.end };
    if (p.price) metadata.price = p.price;
    return {
      id: chunkId(doc.id, index),
      documentId: doc.id,
      kind: doc.kind,
      title: doc.title,
      content: p.content,
      language: doc.language,
      metadata,
    };
  });
}

/**
 * Split a knowledge document into retrieval chunks.
 * - Prose (faq/policy/hours): ~500–800 chars on paragraph/sentence boundaries, whole-sentence overlap.
 * - Price lists: one chunk per "item — RM n" line (prefixed with the title for context) with structured
 *   `metadata.price`; non-price lines (headers, notes) are chunked as prose.
 */
export function chunkDocument(doc: KnowledgeDocument, options: ChunkOptions = {}): KnowledgeChunk[] {
  const opts = { ...DEFAULTS, ...options };
  if (doc.kind !== "price_list") return build(doc, proseChunks(doc.body, opts));

  const pieces: Array<{ content: string; start: number; end: number; price?: PriceItem }> = [];
  const proseLines: string[] = [];
  let offset = 0;
  for (const line of doc.body.split("\n")) {
    const price = parsePriceLine(line);
    if (price) pieces.push({ content: `${doc.title}: ${line.trim()}`, start: offset, end: offset + line.length, price });
    else if (line.trim()) proseLines.push(line);
    offset += line.length + 1;
  }
  if (proseLines.length > 0) {
    for (const p of proseChunks(proseLines.join("\n"), opts)) pieces.push({ ...p, start: -1, end: -1 });
  }
  return build(doc, pieces);
}
