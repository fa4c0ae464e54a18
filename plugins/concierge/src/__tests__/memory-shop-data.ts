import { chunkDocument, cosineSimilarity, LocalHashEmbedder, type KnowledgeDocument } from "@voltura/knowledge";
import { DEFAULT_CONCIERGE_SETTINGS, type ConciergeSettings } from "@voltura/contracts";
import type { JobFact, KnowledgeFact, ShopData, StockFact } from "../domain/agent-types";

/**
 * Shop data held in memory for the agent's unit tests: real chunking and the real local embedder,
 * cosine search over the chunks (the pgvector store is tested in @voltura/knowledge and the
 * commerce suites).
 */
export function memoryShopData(input: { jobs: JobFact[]; documents: KnowledgeDocument[]; stock?: StockFact[]; settings?: Partial<ConciergeSettings> }): ShopData {
  const embedder = new LocalHashEmbedder();
  const chunks = input.documents.flatMap((d) => chunkDocument(d)).map((c) => ({ chunk: c, vector: embedder.embed(`${c.title}\n${c.content}`) }));
  return {
    async jobsByPhone(phone) {
      return input.jobs.filter((j) => j.customer_phone === phone);
    },
    async jobByNumber(jobNumber) {
      return input.jobs.find((j) => j.job_number === jobNumber) ?? null;
    },
    async searchKnowledge(query, { kinds, k = 5 }): Promise<KnowledgeFact[]> {
      const q = embedder.embed(query);
      return chunks
        .filter(({ chunk }) => !kinds || kinds.includes(chunk.kind))
        .map(({ chunk, vector }) => ({
          document_id: chunk.documentId,
          kind: chunk.kind,
          title: chunk.title,
          content: chunk.content,
          score: cosineSimilarity(q, vector),
          ...(chunk.metadata.price ? { price: chunk.metadata.price } : {}),
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
    async stockAtShop(query) {
      const q = query.toLowerCase();
      return (input.stock ?? []).filter((s) => q.split(/\s+/).filter((w) => s.title.toLowerCase().includes(w)).length >= 2);
    },
    async settings() {
      return { ...DEFAULT_CONCIERGE_SETTINGS, ...input.settings };
    },
    async shopName() {
      return "Voltura Demo Repair";
    },
  };
}

export const AISYAH = "+60123456789";
export const TAN = "+60162201144";

export const demoJobs: JobFact[] = [
  { job_number: "VSH-2026-000001", status: "in_progress", device: "Apple iPhone 13", customer_phone: AISYAH, eta: null, updated_at: "2026-03-01T02:00:00.000Z" },
  { job_number: "VSH-2026-000002", status: "completed", device: "Samsung Galaxy A54", customer_phone: TAN, eta: null, updated_at: "2026-03-02T02:00:00.000Z" },
];

export const demoDocuments: KnowledgeDocument[] = [
  {
    id: "price", kind: "price_list", title: "Senarai harga / Price list", language: "mixed",
    body: "iPhone 13 screen replacement (OEM) — RM 430\niPhone 11 battery replacement (Original) — RM 210\nSamsung A54 charging port repair — RM 95",
  },
  {
    id: "warranty", kind: "policy", title: "Waranti / Warranty", language: "mixed",
    body: "Waranti 90 hari untuk skrin yang ditukar. Warranty is 90 days on replaced screens, void on water damage.",
  },
];
