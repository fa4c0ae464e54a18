import { z } from "zod";
import { tryNormalisePhone } from "@voltura/domain";
import { keysetCursorSchema } from "./keyset.js";

// ---- shared enums ---------------------------------------------------------------------------

export const KNOWLEDGE_KINDS = ["faq", "price_list", "policy", "hours"] as const;
export const knowledgeKindSchema = z.enum(KNOWLEDGE_KINDS);
export const chatLanguageSchema = z.enum(["ms", "en", "mixed"]);
export const HANDOFF_STATUSES = ["open", "claimed", "closed"] as const;
export const handoffStatusSchema = z.enum(HANDOFF_STATUSES);
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const phoneInput = z.string().trim().min(6, "phone is required").max(32);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM (24-hour), e.g. 10:00");

// ---- settings -------------------------------------------------------------------------------

export const conciergeSettingsSchema = z.object({
  /** Off: every inbound message goes straight to a person. */
  bot_enabled: z.boolean(),
  /** A handoff nobody answered within this many minutes escalates to the managers. */
  escalate_after_minutes: z.number().int().min(1).max(24 * 60),
  /** E.164 or any Malaysian format; WhatsApp alerts on escalation go here. */
  manager_phones: z
    .array(
      z.string().trim().max(32).transform((p, ctx) => {
        const e164 = tryNormalisePhone(p);
        if (!e164) ctx.addIssue({ code: "custom", message: `"${p}" is not a phone number (try 012-345 6789)` });
        return e164 ?? p;
      }),
    )
    .max(10),
  opening_hours: z.object({ opens: hhmm, closes: hhmm, closed_days: z.array(z.enum(WEEKDAYS)) }),
});
export type ConciergeSettings = z.infer<typeof conciergeSettingsSchema>;
export const conciergeSettingsPatchSchema = conciergeSettingsSchema.partial();
export type ConciergeSettingsPatch = z.input<typeof conciergeSettingsPatchSchema>;

export const DEFAULT_CONCIERGE_SETTINGS: ConciergeSettings = {
  bot_enabled: true,
  escalate_after_minutes: 15,
  manager_phones: [],
  opening_hours: { opens: "10:00", closes: "20:00", closed_days: [] },
};

// ---- answer (called by the Temporal worker) -------------------------------------------------

export const conciergeAnswerBodySchema = z.object({
  phone: phoneInput,
  body: z.string().trim().min(1, "body is empty").max(4000),
  message_id: z.string().trim().min(1, "message_id is required").max(200),
});
export type ConciergeAnswerBody = z.input<typeof conciergeAnswerBodySchema>;

export const toolCallSchema = z.object({ name: z.string(), args: z.record(z.string(), z.unknown()) });
export type ToolCall = z.infer<typeof toolCallSchema>;

export const conciergeAnswerSchema = z.object({
  reply: z.string(),
  /** Set when the chat was handed to a person (the reply is then exactly the hand-off text). */
  handoff: z.object({ id: z.string(), escalate_after_minutes: z.number().int() }).nullable(),
  language: chatLanguageSchema,
  tool_calls: z.array(toolCallSchema),
  mode: z.enum(["llm", "offline", "quiet"]),
});
export type ConciergeAnswer = z.infer<typeof conciergeAnswerSchema>;

// ---- handoffs -------------------------------------------------------------------------------

export const openHandoffBodySchema = z.object({
  phone: phoneInput,
  reason: z.string().trim().min(1, "reason is required").max(500),
  summary: z.string().trim().max(4000).optional(),
  job_number: z.string().trim().max(40).optional(),
});
export type OpenHandoffBody = z.input<typeof openHandoffBodySchema>;

export const handoffSchema = z.object({
  id: z.string(),
  phone: z.string(),
  customer_id: z.string().nullable(),
  reason: z.string(),
  summary: z.string().nullable(),
  job_number: z.string().nullable(),
  status: handoffStatusSchema,
  assigned_to: z.string().nullable(),
  assigned_name: z.string().nullable(),
  opened_at: z.string(),
  last_staff_reply_at: z.string().nullable(),
  escalated_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  /** The customer's name (inbox answers only). */
  customer_name: z.string().nullable().optional(),
});
export type Handoff = z.infer<typeof handoffSchema>;

export const escalationSchema = z.object({
  handoff: handoffSchema,
  /** False when the handoff was already answered, closed or escalated: nothing to send. */
  escalate: z.boolean(),
  manager_phones: z.array(z.string()),
  alert_text: z.string(),
});
export type Escalation = z.infer<typeof escalationSchema>;

// ---- conversations, drafts ------------------------------------------------------------------

export const conversationTurnSchema = z.object({
  message_id: z.string(),
  customer: z.string(),
  reply: z.string(),
  language: chatLanguageSchema,
  handoff: z.boolean(),
  at: z.string(),
});
export const conversationSchema = z.object({
  id: z.string(),
  phone: z.string(),
  customer_id: z.string().nullable(),
  mode: z.enum(["bot", "handoff"]),
  summary: z.string(),
  language: chatLanguageSchema,
  recent_turns: z.array(conversationTurnSchema),
  last_message_at: z.string().nullable(),
  /** The customer's name (inbox answers only). */
  customer_name: z.string().nullable().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** Conversations newest activity first; `next_cursor` (for `before`) is null on the last page. */
export const inboxSchema = z.object({
  handoffs: z.array(handoffSchema),
  conversations: z.array(conversationSchema),
  next_cursor: z.string().nullable().optional().default(null),
});
export type Inbox = z.infer<typeof inboxSchema>;
export const inboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: keysetCursorSchema.optional(),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

export const draftBodySchema = z.object({
  phone: phoneInput,
  /** The customer's message to answer; by default the chat's last customer message. */
  text: z.string().trim().min(1).max(4000).optional(),
});
export const draftSchema = z.object({ id: z.string(), phone: z.string(), body: z.string(), language: chatLanguageSchema, source_text: z.string() });
export type Draft = z.infer<typeof draftSchema>;

export const staffReplyBodySchema = z.object({ message_id: z.string().trim().max(200).optional() });

// ---- knowledge base -------------------------------------------------------------------------

export const knowledgeDocumentBodySchema = z.object({
  kind: knowledgeKindSchema,
  title: z.string().trim().min(1, "title is required").max(200),
  body: z.string().trim().min(1, "body is required").max(20_000),
  language: chatLanguageSchema.default("mixed"),
});
export type KnowledgeDocumentBody = z.input<typeof knowledgeDocumentBodySchema>;

export const knowledgeDocumentSchema = z.object({
  id: z.string(),
  kind: knowledgeKindSchema,
  title: z.string(),
  body: z.string(),
  language: chatLanguageSchema,
  updated_by: z.string(),
  chunk_count: z.number().int(),
  embedder: z.string().nullable(),
  embedded_at: z.string().nullable(),
  updated_at: z.string(),
});
export type KnowledgeDocument = z.infer<typeof knowledgeDocumentSchema>;

export const knowledgeSearchBodySchema = z.object({
  question: z.string().trim().min(1, "question is required").max(1000),
  k: z.number().int().min(1).max(20).default(5),
});
export const knowledgeHitSchema = z.object({
  document_id: z.string(),
  kind: knowledgeKindSchema,
  title: z.string(),
  content: z.string(),
  score: z.number(),
});
export type KnowledgeHit = z.infer<typeof knowledgeHitSchema>;
export const knowledgeSearchSchema = z.object({
  hits: z.array(knowledgeHitSchema),
  /** What the concierge would answer (a dry run: no handoff is opened, nothing is recorded). */
  preview: z.object({ reply: z.string(), language: chatLanguageSchema, tool_calls: z.array(toolCallSchema), mode: z.enum(["llm", "offline"]) }),
});
export type KnowledgeSearch = z.infer<typeof knowledgeSearchSchema>;

export const awaitingQuoteSchema = z.object({
  awaiting: z.object({ job_number: z.string(), workflow_id: z.string(), version: z.number().int() }).nullable(),
});
