import pg from "pg";
import { chunkDocument, type ChunkOptions } from "./chunking.js";
import type { ChunkMetadata, Embedder, KnowledgeChunk, KnowledgeDocument, KnowledgeKind, KnowledgeLanguage } from "./types.js";

export interface SearchOptions {
  k?: number;
  kinds?: KnowledgeKind[];
  /** Drop hits with cosine similarity below this (−1…1). */
  minScore?: number;
}

export interface ScoredChunk extends KnowledgeChunk {
  score: number;
}

export interface PgVectorKnowledgeStoreOptions {
  pool: pg.Pool;
  embedder: Embedder;
  tableName?: string;
  chunkOptions?: ChunkOptions;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function toVectorLiteral(vector: number[]): string {
  return `[${vector.map((v) => (Number.isFinite(v) ? v : 0)).join(",")}]`;
}

/** Knowledge chunks + embeddings in PostgreSQL/pgvector, cosine search over an HNSW index. */
export class PgVectorKnowledgeStore {
  readonly tableName: string;
  private readonly pool: pg.Pool;
  private readonly embedder: Embedder;
  private readonly chunkOptions: ChunkOptions;

  constructor(options: PgVectorKnowledgeStoreOptions) {
    this.tableName = options.tableName ?? "knowledge_chunk";
    if (!IDENTIFIER.test(this.tableName)) throw new Error(`invalid table name: ${this.tableName}`);
    this.pool = options.pool;
    this.embedder = options.embedder;
    this.chunkOptions = options.chunkOptions ?? {};
  }

  get indexName(): string {
    return `${this.tableName}_embedding_hnsw_idx`;
  }

  /**
   * True when the table and both indexes exist with this embedder's dimension: then no DDL runs,
   * so an application role without CREATE rights (compose) works once migrations prepared them.
   */
  private async schemaReady(): Promise<boolean> {
    const t = this.tableName;
    const found = await this.pool.query<{ dims: number | null; indexes: number }>(
      `SELECT (SELECT atttypmod FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'embedding') AS dims,
              (SELECT count(*)::int FROM pg_indexes WHERE tablename = $1 AND indexname IN ($2, $3)) AS indexes`,
      [t, this.indexName, `${t}_document_id_idx`],
    );
    const row = found.rows[0];
    if (!row || row.dims === null) return false;
    if (row.dims !== this.embedder.dimensions) {
      throw new Error(`${t}.embedding is vector(${row.dims}) but the embedder has ${this.embedder.dimensions} dimensions`);
    }
    return row.indexes === 2;
  }

  /** Idempotent: extension, table, HNSW (cosine) and lookup indexes. Fails if an existing table has another dimension. */
  async ensureSchema(): Promise<void> {
    if (await this.schemaReady()) return;
    const t = this.tableName;
    const n = this.embedder.dimensions;
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`voltura.knowledge.schema.${t}`]);
      await client.query("CREATE EXTENSION IF NOT EXISTS vector");
      await client.query(`CREATE TABLE IF NOT EXISTS ${t} (
        id text PRIMARY KEY,
        document_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('faq','price_list','policy','hours')),
        title text NOT NULL,
        content text NOT NULL,
        language text NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        embedding vector(${n}) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
      const dim = await client.query<{ dims: number }>(
        `SELECT atttypmod AS dims FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'embedding'`,
        [t],
      );
      const existing = dim.rows[0]?.dims;
      if (existing !== undefined && existing !== n) {
        throw new Error(`${t}.embedding is vector(${existing}) but the embedder has ${n} dimensions`);
      }
      await client.query(`CREATE INDEX IF NOT EXISTS ${this.indexName} ON ${t} USING hnsw (embedding vector_cosine_ops)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${t}_document_id_idx ON ${t} (document_id)`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Chunk + embed (outside the transaction), then replace all chunks of the document atomically. */
  async upsertDocument(doc: KnowledgeDocument): Promise<KnowledgeChunk[]> {
    const chunks = chunkDocument(doc, this.chunkOptions);
    const vectors = await this.embedder.embedDocuments(chunks.map(embeddingText));
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`DELETE FROM ${this.tableName} WHERE document_id = $1`, [doc.id]);
      for (const [i, chunk] of chunks.entries()) {
        await client.query(
          `INSERT INTO ${this.tableName} (id, document_id, kind, title, content, language, metadata, embedding, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::vector, now())`,
          [chunk.id, chunk.documentId, chunk.kind, chunk.title, chunk.content, chunk.language,
            JSON.stringify(chunk.metadata), toVectorLiteral(vectors[i]!)],
        );
      }
      await client.query("COMMIT");
      return chunks;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Returns the number of chunks removed. */
  async deleteDocument(documentId: string): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.tableName} WHERE document_id = $1`, [documentId]);
    return result.rowCount ?? 0;
  }

  async search(query: string, options: SearchOptions = {}): Promise<ScoredChunk[]> {
    const k = Math.max(1, Math.min(options.k ?? 5, 100));
    const vector = await this.embedder.embedQuery(query);
    const params: unknown[] = [toVectorLiteral(vector), k];
    let where = "";
    if (options.kinds && options.kinds.length > 0) {
      params.push(options.kinds);
      where = `WHERE kind = ANY($${params.length}::text[])`;
    }
    const result = await this.pool.query<ChunkRow>(
      `SELECT id, document_id, kind, title, content, language, metadata, 1 - (embedding <=> $1::vector) AS score
       FROM ${this.tableName} ${where}
       ORDER BY embedding <=> $1::vector
       LIMIT $2`,
      params,
    );
    return result.rows
      .map((row) => ({
        id: row.id,
        documentId: row.document_id,
        kind: row.kind,
        title: row.title,
        content: row.content,
        language: row.language,
        metadata: row.metadata,
        score: Number(row.score),
      }))
      .filter((hit) => options.minScore === undefined || hit.score >= options.minScore);
  }
}

interface ChunkRow {
  id: string;
  document_id: string;
  kind: KnowledgeKind;
  title: string;
  content: string;
  language: KnowledgeLanguage;
  metadata: ChunkMetadata;
  score: string | number;
}

/** Text that is embedded: the title gives short chunks their topic ("Waktu operasi", "FAQ: warranty"). */
export function embeddingText(chunk: KnowledgeChunk): string {
  return chunk.content.startsWith(chunk.title) ? chunk.content : `${chunk.title}\n${chunk.content}`;
}
