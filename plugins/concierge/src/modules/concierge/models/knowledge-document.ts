import { model } from "@medusajs/framework/utils";

/**
 * A document of the concierge's knowledge base, as staff edit it. Its retrieval chunks (with
 * embeddings) live in the pgvector table of @voltura/knowledge and are rebuilt on every save.
 */
export const KnowledgeDocument = model
  .define("concierge_knowledge_document", {
    id: model.id({ prefix: "kdoc" }).primaryKey(),
    kind: model.enum(["faq", "price_list", "policy", "hours"]),
    title: model.text(),
    body: model.text(),
    language: model.enum(["ms", "en", "mixed"]).default("mixed"),
    updated_by: model.text(),
    chunk_count: model.number().default(0),
    /** Which embedder made the chunks ("local-hash-384", "openai:text-embedding-3-small-384"). */
    embedder: model.text().nullable(),
    embedded_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["kind"] }]);
