import type { Conversation, Handoff, KnowledgeDocument } from "@voltura/medusa-client";
import type { ConversationTurn } from "./modules/concierge/models/conversation";

type When = Date | string | null | undefined;
export const iso = (d: When): string | null => (d === null || d === undefined ? null : new Date(d).toISOString());

export interface HandoffRecord {
  id: string;
  phone: string;
  customer_id: string | null;
  reason: string;
  summary: string | null;
  job_number: string | null;
  status: "open" | "claimed" | "closed";
  assigned_to: string | null;
  assigned_name: string | null;
  opened_at: When;
  last_staff_reply_at: When;
  escalated_at: When;
  closed_at: When;
  closed_by: string | null;
}

export interface ConversationRecord {
  id: string;
  phone: string;
  customer_id: string | null;
  mode: "bot" | "handoff";
  summary: string;
  recent_turns: ConversationTurn[] | null;
  language: "ms" | "en" | "mixed";
  last_message_at: When;
}

export interface KnowledgeDocumentRecord {
  id: string;
  kind: "faq" | "price_list" | "policy" | "hours";
  title: string;
  body: string;
  language: "ms" | "en" | "mixed";
  updated_by: string;
  chunk_count: number;
  embedder: string | null;
  embedded_at: When;
  updated_at: When;
}

export const toHandoff = (h: HandoffRecord): Handoff => ({
  id: h.id,
  phone: h.phone,
  customer_id: h.customer_id,
  reason: h.reason,
  summary: h.summary,
  job_number: h.job_number,
  status: h.status,
  assigned_to: h.assigned_to,
  assigned_name: h.assigned_name,
  opened_at: iso(h.opened_at)!,
  last_staff_reply_at: iso(h.last_staff_reply_at),
  escalated_at: iso(h.escalated_at),
  closed_at: iso(h.closed_at),
});

export const toConversation = (c: ConversationRecord): Conversation => ({
  id: c.id,
  phone: c.phone,
  customer_id: c.customer_id,
  mode: c.mode,
  summary: c.summary,
  language: c.language,
  recent_turns: c.recent_turns ?? [],
  last_message_at: iso(c.last_message_at),
});

export const toKnowledgeDocument = (d: KnowledgeDocumentRecord): KnowledgeDocument => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  body: d.body,
  language: d.language,
  updated_by: d.updated_by,
  chunk_count: d.chunk_count,
  embedder: d.embedder,
  embedded_at: iso(d.embedded_at),
  updated_at: iso(d.updated_at)!,
});
