import { MedusaService } from "@medusajs/framework/utils";
import { PgVectorKnowledgeStore, type KnowledgeDocument as KbDocument, type ScoredChunk, type SearchOptions } from "@voltura/knowledge";
import { conciergeSettingsPatchSchema, conciergeSettingsSchema, DEFAULT_CONCIERGE_SETTINGS, type ConciergeSettings } from "@voltura/contracts";
import pg from "pg";
import { chooseEmbedder, type NamedEmbedder } from "./embedder";
import { ConciergeSetting } from "./models/concierge-setting";
import { Conversation } from "./models/conversation";
import { Draft } from "./models/draft";
import { Handoff } from "./models/handoff";
import { KnowledgeDocument } from "./models/knowledge-document";

const SETTINGS_ID = "concierge";

interface KnexLike {
  client: { config: { connection?: string | { connectionString?: string; ssl?: unknown } } };
}

/** The database Medusa uses, for our own small pool (pgvector queries go through plain `pg`). */
function connectionString(knex: KnexLike | undefined): { connectionString: string; ssl?: pg.PoolConfig["ssl"] } {
  const conn = knex?.client?.config?.connection;
  if (typeof conn === "string") return { connectionString: conn };
  if (conn?.connectionString) return { connectionString: conn.connectionString, ssl: conn.ssl as pg.PoolConfig["ssl"] };
  if (process.env.DATABASE_URL) return { connectionString: process.env.DATABASE_URL };
  throw new Error("concierge: cannot tell which database to use for the knowledge base");
}

class ConciergeModuleService extends MedusaService({ KnowledgeDocument, Conversation, Handoff, Draft, ConciergeSetting }) {
  private readonly pgConfig: { connectionString: string; ssl?: pg.PoolConfig["ssl"] };
  private pool: pg.Pool | null = null;
  private stores = new Map<string, Promise<PgVectorKnowledgeStore>>();

  constructor(container: Record<string, unknown>, ...rest: unknown[]) {
    super(container, ...rest);
    let knex: KnexLike | undefined;
    try {
      knex = container.__pg_connection__ as KnexLike;
    } catch {
      knex = undefined;
    }
    this.pgConfig = connectionString(knex);
  }

  private getPool(): pg.Pool {
    if (!this.pool) {
      this.pool = new pg.Pool({ ...this.pgConfig, max: 4, idleTimeoutMillis: 10_000 });
      // An idle connection the server ends (restart, database dropped) must not crash the process.
      this.pool.on("error", () => undefined);
    }
    return this.pool;
  }

  /** The knowledge store for the embedder in use (schema ensured once per embedder). */
  async knowledgeStore(named: NamedEmbedder = chooseEmbedder()): Promise<{ store: PgVectorKnowledgeStore; embedder: string }> {
    let pending = this.stores.get(named.name);
    if (!pending) {
      const store = new PgVectorKnowledgeStore({ pool: this.getPool(), embedder: named.embedder, tableName: named.tableName });
      pending = store.ensureSchema().then(() => store);
      pending.catch(() => this.stores.delete(named.name));
      this.stores.set(named.name, pending);
    }
    return { store: await pending, embedder: named.name };
  }

  /** Chunks and embeds the document, replacing its previous chunks. */
  async embedDocument(doc: KbDocument): Promise<{ chunks: number; embedder: string }> {
    const { store, embedder } = await this.knowledgeStore();
    const chunks = await store.upsertDocument(doc);
    return { chunks: chunks.length, embedder };
  }

  async removeDocumentChunks(documentId: string): Promise<number> {
    const { store } = await this.knowledgeStore();
    return store.deleteDocument(documentId);
  }

  async searchKnowledge(question: string, options: SearchOptions = {}): Promise<ScoredChunk[]> {
    const { store } = await this.knowledgeStore();
    return store.search(question, options);
  }

  /** The current settings; defaults fill anything never saved. */
  async retrieveConciergeSettings(): Promise<ConciergeSettings> {
    const [row] = await this.listConciergeSettings({ id: SETTINGS_ID });
    const stored = conciergeSettingsPatchSchema.safeParse(row?.value ?? {});
    return conciergeSettingsSchema.parse({ ...DEFAULT_CONCIERGE_SETTINGS, ...(stored.success ? stored.data : {}) });
  }

  async saveConciergeSettings(settings: ConciergeSettings, updatedBy: string | null): Promise<void> {
    const [row] = await this.listConciergeSettings({ id: SETTINGS_ID });
    const value: Record<string, unknown> = { ...settings };
    if (row) await this.updateConciergeSettings({ id: SETTINGS_ID, value, updated_by: updatedBy });
    else await this.createConciergeSettings({ id: SETTINGS_ID, value, updated_by: updatedBy });
  }

  /** The open or claimed handoff of a phone, if any. */
  async activeHandoff(phone: string) {
    const [handoff] = await this.listHandoffs({ phone, status: ["open", "claimed"] }, { order: { opened_at: "DESC" }, take: 1 });
    return handoff ?? null;
  }
}

export default ConciergeModuleService;
