import type { InferTypeOf } from "@medusajs/framework/types";
import { conversationSchema, handoffSchema, type Conversation, type Handoff, type KnowledgeDocument } from "@voltura/contracts";
import { z } from "zod";
import type { Conversation as ConversationModel, ConversationTurn } from "./models/conversation";
import type { Handoff as HandoffModel } from "./models/handoff";
import type { KnowledgeDocument as KnowledgeDocumentModel } from "./models/knowledge-document";

type When = Date | string | null | undefined;
export const iso = (d: When): string | null => (d === null || d === undefined ? null : new Date(d).toISOString());

/** The module's rows, as its service answers them. */
export type HandoffRecord = InferTypeOf<typeof HandoffModel>;
export type ConversationRecord = InferTypeOf<typeof ConversationModel>;
export type KnowledgeDocumentRecord = InferTypeOf<typeof KnowledgeDocumentModel>;

/** Timestamps from the service are Dates; raw SQL rows (the inbox) may carry them as strings. */
const when = z.union([z.date(), z.string()]).nullable();

/** The handoff fields the wire shape needs, from the service or from the inbox's SQL. */
export const handoffRowSchema = handoffSchema.omit({ customer_name: true }).extend({
  opened_at: when,
  last_staff_reply_at: when,
  escalated_at: when,
  closed_at: when,
});
export type HandoffRow = z.infer<typeof handoffRowSchema>;

export const conversationRowSchema = conversationSchema.omit({ customer_name: true }).extend({
  recent_turns: z.array(z.custom<ConversationTurn>((v) => typeof v === "object" && v !== null)).nullable(),
  last_message_at: when,
});
export type ConversationRow = z.infer<typeof conversationRowSchema>;

export const toHandoff = (h: HandoffRow): Handoff => ({
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

export const toConversation = (c: ConversationRow): Conversation => ({
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
