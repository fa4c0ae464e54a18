import { normaliseTokens } from "./normalise.js";
import type { Embedder } from "./types.js";

export interface LocalHashEmbedderOptions {
  dimensions?: number;
  /** Character n-gram sizes taken inside each (padded) word. */
  ngramSizes?: number[];
  wordWeight?: number;
  bigramWeight?: number;
  ngramWeight?: number;
}

/** 32-bit FNV-1a. Deterministic across platforms and Node versions. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Offline, deterministic "embedding": feature hashing of word unigrams, word bigrams and character
 * n-grams of the BM/EN-normalised text into a fixed vector, sign-hashed to reduce collision bias,
 * sublinear (log) term weighting, L2-normalised. Lexical only: no synonyms or semantics across
 * languages beyond what shared tokens ("iphone", "screen", "rm") and abbreviation expansion provide.
 */
export class LocalHashEmbedder implements Embedder {
  readonly dimensions: number;
  private readonly ngramSizes: number[];
  private readonly weights: { word: number; bigram: number; ngram: number };

  constructor(options: LocalHashEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 384;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 8) throw new Error("dimensions must be an integer >= 8");
    this.ngramSizes = options.ngramSizes ?? [3, 4];
    this.weights = { word: options.wordWeight ?? 1, bigram: options.bigramWeight ?? 0.7, ngram: options.ngramWeight ?? 0.35 };
  }

  embed(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
    const tokens = normaliseTokens(text);
    tokens.forEach((token, i) => {
      add(`w:${token}`, this.weights.word);
      const next = tokens[i + 1];
      if (next !== undefined) add(`b:${token} ${next}`, this.weights.bigram);
      const padded = `<${token}>`;
      for (const n of this.ngramSizes) {
        for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`, this.weights.ngram);
      }
    });
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [feature, weight] of counts) {
      const hash = fnv1a(feature);
      const index = hash % this.dimensions;
      const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
      vector[index] = (vector[index] ?? 0) + sign * Math.log1p(weight);
    }
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((v) => v / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}

export function cosineSimilarity(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new Error(`dimension mismatch: ${a.length} vs ${b.length}`);
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    dot += x * y; na += x * x; nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
