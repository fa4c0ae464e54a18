export type KnowledgeKind = "faq" | "price_list" | "policy" | "hours";
export type KnowledgeLanguage = "ms" | "en" | "mixed";

export interface KnowledgeDocument {
  id: string;
  kind: KnowledgeKind;
  title: string;
  body: string;
  language: KnowledgeLanguage;
}

/** Structured fields of one price-list line ("iPhone 13 screen (OEM) — RM 350"). */
export interface PriceItem {
  item: string;
  variant: string | null;
  price_sen: number;
  price_text: string;
}

export interface ChunkMetadata {
  chunk_index: number;
  chunk_count: number;
  char_start: number;
  char_end: number;
  price?: PriceItem;
}

export interface KnowledgeChunk {
  id: string;
  documentId: string;
  kind: KnowledgeKind;
  title: string;
  content: string;
  language: KnowledgeLanguage;
  metadata: ChunkMetadata;
}

export interface Embedder {
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}
