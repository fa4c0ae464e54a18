import { OpenAIEmbeddings } from "@langchain/openai";
import type { Embedder } from "./types.js";

export interface OpenAIEmbedderOptions {
  /** Defaults to process.env.OPENAI_API_KEY. */
  apiKey?: string;
  /** e.g. "http://127.0.0.1:8080/v1" for an OpenAI-compatible server. Defaults to the OpenAI API. */
  baseURL?: string;
  model?: string;
  /** Requested output size (text-embedding-3-* support shortening). Must match the store's vector(N). */
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

/** Embedder backed by LangChain's OpenAIEmbeddings (any OpenAI-compatible /v1/embeddings endpoint). */
export class OpenAIEmbedder implements Embedder {
  readonly dimensions: number;
  readonly model: string;
  private readonly client: OpenAIEmbeddings;

  constructor(options: OpenAIEmbedderOptions = {}) {
    this.model = options.model ?? "text-embedding-3-small";
    this.dimensions = options.dimensions ?? 384;
    const apiKey = options.apiKey ?? process.env.OPENAI_API_KEY;
    if (!apiKey) throw new Error("OpenAIEmbedder: apiKey (or OPENAI_API_KEY) is required");
    this.client = new OpenAIEmbeddings({
      apiKey,
      model: this.model,
      dimensions: this.dimensions,
      encodingFormat: "float",
      batchSize: options.batchSize ?? 128,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 30_000,
      configuration: options.baseURL ? { baseURL: options.baseURL } : undefined,
    });
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return this.checked(await this.client.embedDocuments(texts));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = this.checked([await this.client.embedQuery(text)]);
    return vector!;
  }

  private checked(vectors: number[][]): number[][] {
    for (const v of vectors) {
      if (v.length !== this.dimensions) {
        throw new Error(`OpenAIEmbedder: expected ${this.dimensions} dimensions from ${this.model}, got ${v.length}`);
      }
    }
    return vectors;
  }
}
