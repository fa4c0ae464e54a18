export type { ChunkMetadata, Embedder, KnowledgeChunk, KnowledgeDocument, KnowledgeKind, KnowledgeLanguage, PriceItem } from "./types.js";
export { chunkDocument, chunkId, parsePriceLine, type ChunkOptions } from "./chunking.js";
export { CHAT_ABBREVIATIONS, normaliseText, normaliseTokens } from "./normalise.js";
export { LocalHashEmbedder, cosineSimilarity, type LocalHashEmbedderOptions } from "./local-embedder.js";
export { OpenAIEmbedder, type OpenAIEmbedderOptions } from "./openai-embedder.js";
export {
  PgVectorKnowledgeStore, embeddingText, toVectorLiteral,
  type PgVectorKnowledgeStoreOptions, type ScoredChunk, type SearchOptions,
} from "./pgvector-store.js";
