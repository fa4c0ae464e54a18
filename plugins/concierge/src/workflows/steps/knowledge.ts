import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { KnowledgeDocumentRecord } from "../../modules/concierge/records";
import { conciergeOf } from "./service";

export interface KnowledgeInput {
  id?: string;
  kind: KnowledgeDocumentRecord["kind"];
  title: string;
  body: string;
  language: KnowledgeDocumentRecord["language"];
  updated_by: string;
}

type Saved = { record: KnowledgeDocumentRecord; previous: KnowledgeDocumentRecord | null };

/** Creates or updates the document row; compensation deletes the new row or restores the old fields. */
export const upsertKnowledgeRecordStep = createStep(
  "upsert-knowledge-document-record",
  async (input: KnowledgeInput, { container }) => {
    const service = conciergeOf(container);
    const fields = { kind: input.kind, title: input.title, body: input.body, language: input.language, updated_by: input.updated_by };
    if (!input.id) {
      const record = await service.createKnowledgeDocuments(fields);
      return new StepResponse<Saved, Saved>({ record, previous: null }, { record, previous: null });
    }
    const [previous] = await service.listKnowledgeDocuments({ id: input.id });
    if (!previous) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Knowledge document ${input.id} was not found`);
    const record = await service.updateKnowledgeDocuments({ id: input.id, ...fields });
    return new StepResponse<Saved, Saved>({ record, previous }, { record, previous });
  },
  async (saved, { container }) => {
    if (!saved) return;
    const service = conciergeOf(container);
    if (!saved.previous) await service.deleteKnowledgeDocuments(saved.record.id);
    else {
      const p = saved.previous;
      await service.updateKnowledgeDocuments({ id: p.id, kind: p.kind, title: p.title, body: p.body, language: p.language, updated_by: p.updated_by });
    }
  },
);

const asKb = (d: Pick<KnowledgeDocumentRecord, "id" | "kind" | "title" | "body" | "language">) => ({
  id: d.id, kind: d.kind, title: d.title, body: d.body, language: d.language,
});

/** Chunks + embeds into pgvector and records the result; compensation puts the previous chunks back. */
export const embedKnowledgeStep = createStep(
  "embed-knowledge-document",
  async (saved: Saved, { container }) => {
    const service = conciergeOf(container);
    const { chunks, embedder } = await service.embedDocument(asKb(saved.record));
    const record = (await service.updateKnowledgeDocuments({
      id: saved.record.id, chunk_count: chunks, embedder, embedded_at: new Date(),
    }));
    return new StepResponse(record, saved);
  },
  async (saved, { container }) => {
    if (!saved) return;
    const service = conciergeOf(container);
    if (saved.previous) await service.embedDocument(asKb(saved.previous));
    else await service.removeDocumentChunks(saved.record.id);
  },
);

/** Soft-deletes the row and drops its chunks; compensation restores the row and re-embeds it. */
export const deleteKnowledgeStep = createStep(
  "delete-knowledge-document",
  async (id: string, { container }) => {
    const service = conciergeOf(container);
    const [doc] = await service.listKnowledgeDocuments({ id });
    if (!doc) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Knowledge document ${id} was not found`);
    await service.softDeleteKnowledgeDocuments(id);
    await service.removeDocumentChunks(id);
    return new StepResponse({ id, deleted: true }, doc);
  },
  async (doc, { container }) => {
    if (!doc) return;
    const service = conciergeOf(container);
    await service.restoreKnowledgeDocuments(doc.id);
    await service.embedDocument(asKb(doc));
  },
);

/** Re-embeds every document (after switching embedders or editing the abbreviation table). Idempotent. */
export const reembedAllStep = createStep("reembed-knowledge-documents", async (_: void, { container }) => {
  const service = conciergeOf(container);
  const docs = await service.listKnowledgeDocuments({}, { take: 1000 });
  let chunks = 0;
  let embedder = "";
  for (const doc of docs) {
    const r = await service.embedDocument(asKb(doc));
    chunks += r.chunks;
    embedder = r.embedder;
    await service.updateKnowledgeDocuments({ id: doc.id, chunk_count: r.chunks, embedder: r.embedder, embedded_at: new Date() });
  }
  if (!embedder) embedder = (await service.knowledgeStore()).embedder;
  return new StepResponse({ documents: docs.length, chunks, embedder });
});
