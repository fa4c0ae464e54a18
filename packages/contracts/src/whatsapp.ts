import { z } from "zod";
import { keysetCursorSchema } from "./keyset.js";
import { cloudConfigSchema, cloudSessionInfoSchema, QUALITY_RATINGS, sendTemplateSchema } from "./whatsapp-cloud.js";

// ---- the WhatsApp gateway (plugins/whatsapp): schemas shared by the routes, the console and the worker ----

export const WHATSAPP_CONTEXT_KINDS = ["concierge", "staff", "quote", "reminder", "receipt", "document", "alert", "campaign"] as const;
export const WHATSAPP_MESSAGE_STATUSES = ["pending", "sent", "delivered", "read", "failed"] as const;
export const WHATSAPP_SESSION_KINDS = ["baileys", "simulator", "cloud_api"] as const;
export const WHATSAPP_SESSION_STATES = ["new", "pairing", "connecting", "open", "closed", "needs_pairing", "stopped"] as const;

const phoneInput = z.string().trim().min(1, "Phone number is required").max(32);

/**
 * Media to send: a file uploaded to the shop (`file_id`, or its file-module `url`), a document link
 * of the shop, or a URL on a host in WHATSAPP_MEDIA_ALLOWED_HOSTS. Anything else is refused (400).
 */
export const whatsappMediaSchema = z
  .object({
    url: z.url("media.url must be an http(s) URL").optional(),
    file_id: z.string().trim().min(1).max(300).optional(),
    mimetype: z.string().trim().min(1).max(120),
    filename: z.string().trim().min(1).max(200).optional(),
    caption: z.string().max(1024).optional(),
  })
  .refine((m) => Boolean(m.url) !== Boolean(m.file_id), { message: "give either url or file_id", path: ["url"] });
export type WhatsAppMedia = z.infer<typeof whatsappMediaSchema>;

/** The body of POST /admin/whatsapp/messages. `to` is any Malaysian format; it is stored as E.164. */
export const sendWhatsAppBodySchema = z
  .object({
    to: phoneInput,
    body: z.string().max(4096, "body has at most 4096 characters").default(""),
    media: whatsappMediaSchema.optional(),
    session_id: z.string().trim().min(1).optional(),
    idempotency_key: z.string().trim().min(1, "idempotency_key is required").max(200),
    context: z
      .object({ kind: z.enum(WHATSAPP_CONTEXT_KINDS), ref: z.string().trim().min(1).max(200).optional() })
      .optional(),
    /** Cloud API numbers: an approved template with its {{n}} values (`body` is then the text shown in the chat). */
    template: sendTemplateSchema.optional(),
    /** Cloud API numbers: the bound template to use when the customer's 24 h window is closed, and its variables. */
    template_purpose: z.string().trim().min(1).max(40).optional(),
    variables: z.record(z.string(), z.string().max(1024)).optional(),
  })
  .refine((b) => b.body.trim() !== "" || b.media || b.template, { message: "body is required (or send media)", path: ["body"] });
export type SendWhatsAppBody = z.input<typeof sendWhatsAppBodySchema>;

export const listWhatsAppMessagesQuerySchema = z.object({
  phone: z.string().trim().max(32).optional(),
  customer_id: z.string().trim().max(100).optional(),
  session_id: z.string().trim().max(100).optional(),
  direction: z.enum(["in", "out"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** The `next_cursor` of the page before: the next older page (newest first), instead of an offset. */
  before: keysetCursorSchema.optional(),
});
export type ListWhatsAppMessagesQuery = z.input<typeof listWhatsAppMessagesQuerySchema>;

/** The body of POST /admin/whatsapp/simulator/inbound: staff speak as a customer. */
export const simulatorInboundBodySchema = z.object({
  from: phoneInput,
  body: z.string().trim().min(1, "body is required").max(4096),
  name: z.string().trim().min(1).max(120).optional(),
  session_id: z.string().trim().min(1).optional(),
  /** Re-use an id to simulate WhatsApp delivering the same message twice. */
  wa_message_id: z.string().trim().min(1).max(100).optional(),
});
export type SimulatorInboundBody = z.input<typeof simulatorInboundBodySchema>;

export const simulatorReceiptBodySchema = z.object({ status: z.enum(["sent", "delivered", "read"]) });

/**
 * The body of POST /admin/whatsapp/simulator/limits: WhatsApp's side of campaign pacing, played on a
 * simulator session: a reach-out timelock (sends are refused with 463 while it runs), a new-chat cap,
 * and a refusal of the next send.
 */
export const simulatorLimitsBodySchema = z
  .object({
    session_id: z.string().trim().min(1).optional(),
    reachout_timelock_until: z.iso.datetime({ offset: true }).nullable().optional(),
    new_chat_cap: z.number().int().min(0).max(100_000).nullable().optional(),
    refuse_next_send: z.union([z.literal(463), z.literal(401), z.literal(403)]).optional(),
  })
  .refine((b) => b.reachout_timelock_until !== undefined || b.new_chat_cap !== undefined || b.refuse_next_send !== undefined, {
    message: "give reachout_timelock_until, new_chat_cap or refuse_next_send",
    path: ["reachout_timelock_until"],
  });
export type SimulatorLimitsBody = z.input<typeof simulatorLimitsBodySchema>;
export type SimulatorReceiptBody = z.input<typeof simulatorReceiptBodySchema>;

export const createWhatsAppSessionBodySchema = z.object({
  name: z.string().trim().min(1, "name is required").max(80),
  kind: z.enum(WHATSAPP_SESSION_KINDS),
  is_default: z.boolean().default(false),
  /** Simulator only: start already paired (no QR step). */
  paired: z.boolean().default(false),
  /** Cloud API numbers only (required for them): the ids and secrets from Meta's WhatsApp Manager. */
  cloud: cloudConfigSchema.optional(),
}).superRefine((b, ctx) => {
  if (b.kind === "cloud_api" && !b.cloud) ctx.addIssue({ code: "custom", path: ["cloud"], message: "cloud is required for a Cloud API number" });
  if (b.kind !== "cloud_api" && b.cloud) ctx.addIssue({ code: "custom", path: ["cloud"], message: "cloud is only for a Cloud API number" });
});
export type CreateWhatsAppSessionBody = z.input<typeof createWhatsAppSessionBodySchema>;

export const contactOptBodySchema = z.object({ phone: phoneInput });
export type ContactOptBody = z.input<typeof contactOptBodySchema>;

// ---- answers ----

export const whatsappMessageSchema = z.object({
  id: z.string(),
  session_id: z.string(),
  direction: z.enum(["in", "out"]),
  phone: z.string(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable().optional(),
  body: z.string(),
  media: z.record(z.string(), z.unknown()).nullable(),
  wa_message_id: z.string().nullable(),
  status: z.enum(WHATSAPP_MESSAGE_STATUSES),
  error: z.string().nullable().optional(),
  context_kind: z.enum(WHATSAPP_CONTEXT_KINDS).nullable(),
  context_ref: z.string().nullable(),
  sender_name: z.string().nullable().optional(),
  /** Written in the simulator: never counts as the customer's own decision while a real number is connected. */
  simulated: z.boolean().optional().default(false),
  created_at: z.string(),
  status_changed_at: z.string().nullable().optional(),
});
export type WhatsAppMessage = z.infer<typeof whatsappMessageSchema>;

/**
 * Newest first. `count` is exact up to 1,000 and the planner's estimate beyond (`count_estimated`);
 * `next_cursor` (for `before`) is null on the last page.
 */
export const whatsappMessageListSchema = z.object({
  messages: z.array(whatsappMessageSchema),
  count: z.number().int(),
  count_estimated: z.boolean().optional().default(false),
  next_cursor: z.string().nullable().optional().default(null),
});
export type WhatsAppMessageList = z.infer<typeof whatsappMessageListSchema>;

export const whatsappSendAnswerSchema = z.object({ message: whatsappMessageSchema, replayed: z.boolean().optional() });

export const whatsappSessionLimitsSchema = z.object({
  /** ISO; null when no reach-out timelock (WhatsApp's block on new chats) is active. */
  reachout_timelock_until: z.string().nullable(),
  /** New chats WhatsApp allows in its current cycle; null when it sets none or did not say. */
  new_chat_cap: z.number().int().nullable(),
  new_chat_used: z.number().int().nullable(),
  /** When the limits were last read (ISO). */
  checked_at: z.string().nullable(),
  /** Sends WhatsApp refused in the last 24 h, by code. */
  failed_463: z.number().int(),
  failed_401: z.number().int(),
  failed_403: z.number().int(),
  /** Cloud API: Meta's messaging limit tier (TIER_250 … TIER_UNLIMITED) and the number's quality rating. */
  messaging_limit_tier: z.string().nullable().optional().default(null),
  quality_rating: z.enum(QUALITY_RATINGS).nullable().optional().default(null),
  /** Distinct customers this number sent to in the last 24 h (what the tier counts). */
  unique_users_24h: z.number().int().nullable().optional().default(null),
});
export type WhatsAppSessionLimits = z.infer<typeof whatsappSessionLimitsSchema>;
const NO_SESSION_LIMITS: WhatsAppSessionLimits = {
  reachout_timelock_until: null, new_chat_cap: null, new_chat_used: null, checked_at: null, failed_463: 0, failed_401: 0, failed_403: 0,
  messaging_limit_tier: null, quality_rating: null, unique_users_24h: null,
};

/**
 * The 422 answer of POST /admin/whatsapp/messages when WhatsApp refused the message with 463
 * (account_restricted), 401 (unauthorized) or 403 (forbidden): failed for good, counted against the number.
 */
export const whatsappSendRefusedSchema = z.object({
  type: z.literal("send_refused"),
  code: z.enum(["account_restricted", "unauthorized", "forbidden"]),
  status_code: z.number().int(),
  message: z.string(),
});
export type WhatsAppSendRefused = z.infer<typeof whatsappSendRefusedSchema>;

export const whatsappSessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(WHATSAPP_SESSION_KINDS),
  phone: z.string().nullable(),
  state: z.enum(WHATSAPP_SESSION_STATES),
  is_default: z.boolean(),
  enabled: z.boolean(),
  qr: z.string().nullable(),
  paired_at: z.string().nullable(),
  last_seen_at: z.string().nullable(),
  reconnect_count: z.number().int(),
  last_disconnect_reason: z.string().nullable(),
  alerts: z.array(z.object({ kind: z.string(), message: z.string(), at: z.string() })),
  owner: z.string().nullable(),
  /** WhatsApp's limits on the number, read on connect and every few minutes, and its refused sends in the last 24 h. */
  limits: whatsappSessionLimitsSchema.optional().default(NO_SESSION_LIMITS),
  /** Cloud API numbers: the config (secrets only as set / not set) and the webhook path to give Meta. */
  cloud: cloudSessionInfoSchema.nullable().optional().default(null),
  created_at: z.string(),
});
export type WhatsAppSession = z.infer<typeof whatsappSessionSchema>;

export const whatsappContactSchema = z.object({
  id: z.string(),
  phone: z.string(),
  customer_id: z.string().nullable(),
  name: z.string().nullable(),
  opted_out_at: z.string().nullable(),
});
export type WhatsAppContact = z.infer<typeof whatsappContactSchema>;

export const whatsappHealthSchema = z.object({
  instance: z.string(),
  auth_state_key: z.enum(["set", "missing", "invalid"]),
  /** False when WHATSAPP_SIMULATOR=off: simulator sessions and routes are switched off. */
  simulator_enabled: z.boolean().optional().default(true),
  sessions: z.array(whatsappSessionSchema.extend({ owned_here: z.boolean() })),
});
export type WhatsAppHealth = z.infer<typeof whatsappHealthSchema>;

export const whatsappPresenceBodySchema = z.object({
  to: phoneInput,
  state: z.enum(["composing", "paused"]),
});
export type WhatsAppPresenceBody = z.input<typeof whatsappPresenceBodySchema>;

export const listWhatsAppContactsQuerySchema = z.object({
  phone: z.string().trim().min(1).max(32).optional(),
  opted_out: z.enum(["true", "false"]).optional(),
});
