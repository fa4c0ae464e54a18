import { z } from "zod";
import { type CommerceClient } from "./client.js";
import {
  conciergeSettingsSchema,
  type ConciergeSettings,
  type ConciergeSettingsPatch,
  type ConciergeAnswerBody,
  conciergeAnswerSchema,
  type ConciergeAnswer,
  type OpenHandoffBody,
  handoffSchema,
  type Handoff,
  escalationSchema,
  type Escalation,
  conversationSchema,
  type Conversation,
  inboxSchema,
  type Inbox,
  draftSchema,
  type Draft,
  type KnowledgeDocumentBody,
  knowledgeDocumentSchema,
  type KnowledgeDocument,
  knowledgeSearchSchema,
  type KnowledgeSearch,
  awaitingQuoteSchema,
} from "@voltura/contracts";

// ---- client ---------------------------------------------------------------------------------

const enc = encodeURIComponent;

/** Typed calls to the concierge routes (plugins/concierge), over a CommerceClient. */
export class ConciergeApi {
  constructor(private readonly client: CommerceClient) {}

  answer(body: ConciergeAnswerBody): Promise<ConciergeAnswer> {
    return this.client.request("POST", "/admin/concierge/answer", conciergeAnswerSchema, body);
  }

  async awaitingQuote(phone: string): Promise<z.infer<typeof awaitingQuoteSchema>["awaiting"]> {
    const r = await this.client.request("GET", `/admin/concierge/awaiting-quote?${new URLSearchParams({ phone })}`, awaitingQuoteSchema);
    return r.awaiting;
  }

  async openHandoff(body: OpenHandoffBody): Promise<Handoff> {
    const r = await this.client.request("POST", "/admin/concierge/handoffs", z.object({ handoff: handoffSchema }), body);
    return r.handoff;
  }

  escalateHandoff(id: string): Promise<Escalation> {
    return this.client.request("POST", `/admin/concierge/handoffs/${enc(id)}/escalate`, escalationSchema, {});
  }

  inbox(query: { limit?: number; before?: string } = {}): Promise<Inbox> {
    const params = new URLSearchParams();
    if (query.limit) params.set("limit", String(query.limit));
    if (query.before) params.set("before", query.before);
    const qs = params.toString();
    return this.client.request("GET", `/admin/concierge/inbox${qs ? `?${qs}` : ""}`, inboxSchema);
  }

  async conversation(phone: string): Promise<{ conversation: Conversation | null; handoff: Handoff | null }> {
    return this.client.request(
      "GET",
      `/admin/concierge/conversations/${enc(phone)}`,
      z.object({ conversation: conversationSchema.nullable(), handoff: handoffSchema.nullable() }),
    );
  }

  async claimHandoff(id: string): Promise<Handoff> {
    const r = await this.client.request("POST", `/admin/concierge/handoffs/${enc(id)}/claim`, z.object({ handoff: handoffSchema }), {});
    return r.handoff;
  }

  async closeHandoff(id: string): Promise<Handoff> {
    const r = await this.client.request("POST", `/admin/concierge/handoffs/${enc(id)}/close`, z.object({ handoff: handoffSchema }), {});
    return r.handoff;
  }

  /** Tells the concierge a person answered the chat (resets the escalation timer). */
  async staffReplied(phone: string, messageId?: string): Promise<Handoff | null> {
    const r = await this.client.request(
      "POST",
      `/admin/concierge/conversations/${enc(phone)}/staff-reply`,
      z.object({ handoff: handoffSchema.nullable() }),
      messageId ? { message_id: messageId } : {},
    );
    return r.handoff;
  }

  async draft(phone: string, text?: string): Promise<Draft> {
    const r = await this.client.request("POST", "/admin/concierge/draft", z.object({ draft: draftSchema }), text ? { phone, text } : { phone });
    return r.draft;
  }

  async listKnowledge(): Promise<KnowledgeDocument[]> {
    const r = await this.client.request("GET", "/admin/concierge/knowledge", z.object({ documents: z.array(knowledgeDocumentSchema) }));
    return r.documents;
  }

  async saveKnowledge(body: KnowledgeDocumentBody, id?: string): Promise<KnowledgeDocument> {
    const path = id ? `/admin/concierge/knowledge/${enc(id)}` : "/admin/concierge/knowledge";
    const r = await this.client.request("POST", path, z.object({ document: knowledgeDocumentSchema }), body);
    return r.document;
  }

  async deleteKnowledge(id: string): Promise<void> {
    await this.client.request("DELETE", `/admin/concierge/knowledge/${enc(id)}`, z.object({ id: z.string(), deleted: z.boolean() }));
  }

  async reembedKnowledge(): Promise<{ documents: number; chunks: number; embedder: string }> {
    return this.client.request(
      "POST",
      "/admin/concierge/knowledge/reembed",
      z.object({ documents: z.number().int(), chunks: z.number().int(), embedder: z.string() }),
      {},
    );
  }

  searchKnowledge(question: string): Promise<KnowledgeSearch> {
    return this.client.request("POST", "/admin/concierge/knowledge/search", knowledgeSearchSchema, { question });
  }

  async settings(): Promise<ConciergeSettings> {
    const r = await this.client.request("GET", "/admin/concierge/settings", z.object({ settings: conciergeSettingsSchema }));
    return r.settings;
  }

  async updateSettings(patch: ConciergeSettingsPatch): Promise<ConciergeSettings> {
    const r = await this.client.request("POST", "/admin/concierge/settings", z.object({ settings: conciergeSettingsSchema }), patch);
    return r.settings;
  }
}
