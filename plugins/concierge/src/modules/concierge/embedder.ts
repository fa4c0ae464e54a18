import { LocalHashEmbedder, OpenAIEmbedder, type Embedder } from "@voltura/knowledge";
import { readConciergeEnv, type ConciergeEnv } from "./agent/env";

/** Both embedders give 384 dimensions; each writes its own table, so switching never mixes vectors. */
export const EMBEDDING_DIMENSIONS = 384;

export interface NamedEmbedder {
  embedder: Embedder;
  /** Recorded on each document, e.g. "local-hash-384". */
  name: string;
  tableName: string;
}

/**
 * OpenAI-compatible embeddings when OPENAI_API_KEY is set (unless CONCIERGE_EMBEDDER=local), the
 * deterministic local embedder otherwise. CONCIERGE_EMBEDDER=openai without a key is a setup error.
 */
export function chooseEmbedder(env: ConciergeEnv = readConciergeEnv()): NamedEmbedder {
  if (env.CONCIERGE_EMBEDDER === "openai" && !env.OPENAI_API_KEY) {
    throw new Error("CONCIERGE_EMBEDDER=openai needs OPENAI_API_KEY (or set CONCIERGE_EMBEDDER=auto / local)");
  }
  if (env.OPENAI_API_KEY && env.CONCIERGE_EMBEDDER !== "local") {
    return {
      embedder: new OpenAIEmbedder({
        apiKey: env.OPENAI_API_KEY,
        baseURL: env.OPENAI_BASE_URL,
        model: env.CONCIERGE_EMBEDDING_MODEL,
        dimensions: EMBEDDING_DIMENSIONS,
      }),
      name: `openai:${env.CONCIERGE_EMBEDDING_MODEL}-${EMBEDDING_DIMENSIONS}`,
      tableName: "concierge_chunk_openai",
    };
  }
  return { embedder: new LocalHashEmbedder({ dimensions: EMBEDDING_DIMENSIONS }), name: `local-hash-${EMBEDDING_DIMENSIONS}`, tableName: "concierge_chunk_local" };
}
