import { z } from "zod";
import { CUSTOMER_TYPES, DEVICE_TYPES, REPAIR_STATUSES } from "@voltura/domain";
import { keysetCursorSchema } from "./keyset.js";
// CAMPAIGN_RECIPIENT_STATUSES / CampaignRecipientStatus are defined in campaign-dispatch.ts (one list for both modules).

// WhatsApp campaigns, the planner (plugins/campaigns, module `campaigns`): schemas of bodies and answers + the client.

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "running", "paused", "completed", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** POST /admin/campaigns/:id/<action> */
export const CAMPAIGN_ACTIONS = ["schedule", "launch", "pause", "resume", "cancel", "confirm"] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];
export const CAMPAIGN_LANGUAGES = ["ms", "en"] as const;
export type CampaignLanguage = (typeof CAMPAIGN_LANGUAGES)[number];
/** Why a person of the audience is left out (always, at count and at launch). */
export const AUDIENCE_EXCLUSION_REASONS = ["opted_out", "blacklisted", "invalid_phone", "duplicate_phone"] as const;
export type AudienceExclusionReason = (typeof AUDIENCE_EXCLUSION_REASONS)[number];
export const CAMPAIGN_MEDIA_KINDS = ["image", "document", "video"] as const;
/** fixed: every recipient round-robin over session_ids; auto: chat numbers for warm contacts, the Cloud API template for cold ones. */
export const CAMPAIGN_ROUTINGS = ["fixed", "auto"] as const;
export type CampaignRouting = (typeof CAMPAIGN_ROUTINGS)[number];
/** How a recipient is sent: a free-form chat message, or the campaign's approved Cloud API template. */
export const CAMPAIGN_RECIPIENT_ROUTES = ["chat", "template"] as const;
export type CampaignRecipientRoute = (typeof CAMPAIGN_RECIPIENT_ROUTES)[number];

const text = (field: string, max: number) => z.string().trim().min(1, `${field} is required`).max(max, `${field} has at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable().optional();
const ids = (max = 200) => z.array(z.string().trim().min(1).max(100)).max(max);
const isoDate = z.iso.datetime({ offset: true, message: "must be an ISO date-time with offset" });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24 h)");

/** The audience filter over CRM data. Every given criterion must hold (AND); values inside one list are OR. */
export const audienceFilterSchema = z
  .object({
    customer_types: z.array(z.enum(CUSTOMER_TYPES)).max(10).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    device_types: z.array(z.enum(DEVICE_TYPES)).max(10).optional(),
    brands: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    last_visit_before: isoDate.optional(),
    last_visit_after: isoDate.optional(),
    bought_product_ids: ids().optional(),
    bought_category_ids: ids().optional(),
    spent_above_sen: z.number().int("must be whole sen").nonnegative("cannot be negative").optional(),
    warranty_expiring_within_days: z.number().int("must be whole days").min(1, "must be at least 1").max(730).optional(),
    job_statuses: z.array(z.enum(REPAIR_STATUSES)).max(20).optional(),
  })
  .strict();
export type AudienceFilter = z.infer<typeof audienceFilterSchema>;

export const campaignScheduleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("now") }),
  z.object({ kind: z.literal("at"), at: isoDate }),
  z.object({
    kind: z.literal("recurring"),
    every: z.enum(["day", "week", "month"]),
    at: hhmm,
    weekday: z.number().int().min(0).max(6).optional(),
    day: z.number().int().min(1).max(28).optional(),
  }),
]);
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;

export const campaignAudienceSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("filter"), filter: audienceFilterSchema, freeze_at_launch: z.boolean().default(true) }),
  /** The audience is the campaign's CSV import (POST /admin/campaigns/:id/audience/import). */
  z.object({ mode: z.literal("list") }),
]);
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

/** Media uploaded once (POST /admin/campaigns/media) and reused for every recipient. */
export const campaignMediaSchema = z
  .object({
    file_id: z.string().trim().min(1).max(300).optional(),
    url: z.url().optional(),
    mimetype: z.string().trim().min(1).max(120),
    filename: z.string().trim().min(1).max(200),
    kind: z.enum(CAMPAIGN_MEDIA_KINDS),
  })
  .refine((m) => Boolean(m.url) || Boolean(m.file_id), { message: "give file_id (an upload) or url", path: ["file_id"] });
export type CampaignMedia = z.infer<typeof campaignMediaSchema>;

/** The approved WhatsApp template a Cloud API number sends to cold contacts; params name the variables for {{1}}..{{n}}. */
export const campaignCloudTemplateSchema = z.object({
  session_id: z.string().trim().min(1, "session_id is required").max(100),
  name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "name is a WhatsApp template name (lower case letters, digits and _)"),
  language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "language is a WhatsApp language code such as ms, en or en_US"),
  params: z.array(z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "params are variable names such as nama")).max(20, "at most 20 params"),
});
export type CampaignCloudTemplate = z.infer<typeof campaignCloudTemplateSchema>;

const campaignFields = {
  name: text("name", 120),
  description: optionalText(2000),
  session_ids: z.array(z.string().trim().min(1).max(100)).max(10, "at most 10 WhatsApp numbers"),
  schedule: campaignScheduleSchema,
  stale_after_minutes: z.number().int("must be whole minutes").min(5, "must be at least 5").max(10080),
  template_ms: z.string().max(4096, "template_ms has at most 4096 characters"),
  template_en: z.string().max(4096, "template_en has at most 4096 characters"),
  fallbacks: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "variable names are lower case words"), z.string().max(200)),
  media: campaignMediaSchema.nullable(),
  audience: campaignAudienceSchema,
  reply_window_days: z.number().int().min(1).max(60),
  conversion_window_days: z.number().int().min(1).max(180),
  routing: z.enum(CAMPAIGN_ROUTINGS, "routing is fixed or auto"),
  cloud_template: campaignCloudTemplateSchema.nullable(),
  /** auto routing: a message with the phone within this many days makes a contact warm (chat route). */
  recent_chat_days: z.number().int("must be whole days").min(1, "must be at least 1").max(365),
};

/** POST /admin/campaigns/plans — a new draft. (GET/POST /admin/campaigns and /admin/campaigns/:id are Medusa's promotion campaigns.) */
export const createCampaignBodySchema = z.object({
  name: campaignFields.name,
  description: campaignFields.description,
  session_ids: campaignFields.session_ids.default([]),
  schedule: campaignFields.schedule.default({ kind: "now" }),
  stale_after_minutes: campaignFields.stale_after_minutes.default(60),
  template_ms: campaignFields.template_ms.default(""),
  template_en: campaignFields.template_en.default(""),
  fallbacks: campaignFields.fallbacks.default({}),
  media: campaignFields.media.default(null),
  audience: campaignFields.audience.default({ mode: "filter", filter: {}, freeze_at_launch: true }),
  reply_window_days: campaignFields.reply_window_days.default(3),
  conversion_window_days: campaignFields.conversion_window_days.default(14),
  routing: campaignFields.routing.default("fixed"),
  cloud_template: campaignFields.cloud_template.default(null),
  recent_chat_days: campaignFields.recent_chat_days.default(30),
});
export type CreateCampaignBody = z.input<typeof createCampaignBodySchema>;

/** POST /admin/campaigns/plans/:id — while draft, scheduled or paused (409 `campaign_not_editable` otherwise). */
export const updateCampaignBodySchema = z
  .object(campaignFields)
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Nothing to change");
export type UpdateCampaignBody = z.input<typeof updateCampaignBodySchema>;

/** POST /admin/campaigns/:id/<action>. `confirm` answers a missed schedule: fire now, or skip this firing. */
export const campaignActionBodySchema = z.object({
  reason: optionalText(500),
  /** confirm only: true = launch the missed run now; false = skip it (an "at" campaign returns to draft). */
  fire: z.boolean().optional(),
});
export type CampaignActionBody = z.input<typeof campaignActionBodySchema>;

/** GET /admin/campaigns/plans */
export const listCampaignsQuerySchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  before: keysetCursorSchema.optional(),
});
export type ListCampaignsQuery = z.input<typeof listCampaignsQuerySchema>;

// ---- answers ----------------------------------------------------------------------------------

export const recipientCountsSchema = z.object({
  total: z.number(),
  queued: z.number(),
  sending: z.number(),
  sent: z.number(),
  delivered: z.number(),
  read: z.number(),
  failed: z.number(),
  skipped: z.number(),
});
export type RecipientCounts = z.infer<typeof recipientCountsSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  session_ids: z.array(z.string()),
  schedule: campaignScheduleSchema,
  needs_confirmation: z.boolean(),
  stale_after_minutes: z.number(),
  template_ms: z.string(),
  template_en: z.string(),
  fallbacks: z.record(z.string(), z.string()),
  media: campaignMediaSchema.nullable(),
  audience: campaignAudienceSchema,
  reply_window_days: z.number(),
  conversion_window_days: z.number(),
  routing: z.enum(CAMPAIGN_ROUTINGS),
  cloud_template: campaignCloudTemplateSchema.nullable(),
  recent_chat_days: z.number(),
  run_no: z.number(),
  next_run_at: z.string().nullable(),
  created_by: z.string().nullable(),
  launched_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  stopped_reason: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Recipients of the current run (run_no) by status. */
  counts: recipientCountsSchema,
  /** What the caller's role may do now (the transition table). */
  allowed_actions: z.array(z.enum(CAMPAIGN_ACTIONS)),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignEventSchema = z.object({
  id: z.string(),
  from_status: z.string().nullable(),
  to_status: z.string(),
  action: z.string(),
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  reason: z.string().nullable(),
  run_no: z.number().nullable(),
  created_at: z.string(),
});
export type CampaignEvent = z.infer<typeof campaignEventSchema>;

export const campaignListSchema = z.object({
  campaigns: z.array(campaignSchema),
  /** Campaigns per status over the whole table (the list's tabs). */
  status_counts: z.record(z.string(), z.number()),
  next_cursor: z.string().nullable(),
});
export type CampaignList = z.infer<typeof campaignListSchema>;

export const campaignDetailSchema = z.object({
  campaign: campaignSchema,
  events: z.array(campaignEventSchema),
  list_entries: z.number(),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/** GET /admin/campaigns/audience/count?filter=<json> (or ?campaign_id= for a saved campaign's audience). */
export const audienceCountSchema = z.object({
  /** People matching the filter (or the list's rows). */
  matched: z.number(),
  /** Who would be sent to: matched minus every exclusion. */
  eligible: z.number(),
  excluded: z.object({ opted_out: z.number(), blacklisted: z.number(), invalid_phone: z.number(), duplicate_phone: z.number() }),
});
export type AudienceCount = z.infer<typeof audienceCountSchema>;

/** POST /admin/campaigns/:id/preview — whom to render for (none: the first eligible person). */
export const previewCampaignBodySchema = z.object({
  recipient_id: z.string().trim().min(1).optional(),
  customer_id: z.string().trim().min(1).optional(),
  phone: z.string().trim().min(1).max(32).optional(),
  language: z.enum(CAMPAIGN_LANGUAGES).optional(),
});
export type PreviewCampaignBody = z.input<typeof previewCampaignBodySchema>;

export const campaignPreviewSchema = z.object({
  language: z.enum(CAMPAIGN_LANGUAGES),
  to: z.object({ phone: z.string().nullable(), name: z.string().nullable(), customer_id: z.string().nullable() }),
  text: z.string(),
  html: z.string(),
  values: z.record(z.string(), z.string()),
  /** Variables with no value for this person (their fallback was used). */
  missing: z.array(z.string()),
  /** Across the whole audience: how many people lack each variable. */
  audience_missing: z.array(z.object({ variable: z.string(), count: z.number(), fallback: z.string().nullable() })),
  audience_size: z.number(),
  spintax_variants: z.number(),
  /** How this person would be sent under the campaign's routing (null when the routing cannot be planned yet). */
  route: z.enum(CAMPAIGN_RECIPIENT_ROUTES).nullable().default(null),
  /** The Cloud API template with this person's params, when the campaign has one; text is its readable body. */
  template: z.object({ name: z.string(), language: z.string(), params: z.array(z.string()), text: z.string() }).nullable().default(null),
  /** The audience split by route at a launch now: chat (window open or a recent chat) and template (null when not planned). */
  route_counts: z.object({ chat: z.number().int(), template: z.number().int() }).nullable().optional().default(null),
});
export type CampaignPreview = z.infer<typeof campaignPreviewSchema>;

/** POST /admin/campaigns/:id/test-send — to `phone`, else the staff member's own number (metadata.phone). */
export const testSendCampaignBodySchema = previewCampaignBodySchema.extend({
  phone: z.string().trim().min(1).max(32).optional(),
  /** Render as this person (default: the first eligible one); the message always goes to the staff number. */
  as_customer_id: z.string().trim().min(1).optional(),
});
export type TestSendCampaignBody = z.input<typeof testSendCampaignBodySchema>;
export const campaignTestSendSchema = z.object({
  to: z.string(),
  text: z.string(),
  message_id: z.string(),
  idempotency_key: z.string(),
  status: z.string(),
});
export type CampaignTestSend = z.infer<typeof campaignTestSendSchema>;

/** POST /admin/campaigns/:id/audience/import — CSV text with a `phone` column; replaces the list unless append. */
export const importAudienceBodySchema = z.object({
  csv: z.string().min(1, "csv is required").max(5_000_000, "csv is larger than 5 MB"),
  append: z.boolean().default(false),
});
export type ImportAudienceBody = z.input<typeof importAudienceBodySchema>;
export const rejectedRowSchema = z.object({ line: z.number(), value: z.string(), reason: z.string() });
export type RejectedRow = z.infer<typeof rejectedRowSchema>;
export const audienceImportSchema = z.object({
  accepted: z.number(),
  rejected: z.array(rejectedRowSchema),
  /** Rows the list holds after the import. */
  list_entries: z.number(),
  columns: z.array(z.string()),
});
export type AudienceImport = z.infer<typeof audienceImportSchema>;

// ---- templates ----

export const campaignTemplateBodySchema = z.object({
  name: text("name", 120),
  language: z.enum(CAMPAIGN_LANGUAGES),
  body: text("body", 4096),
});
export type CampaignTemplateBody = z.input<typeof campaignTemplateBodySchema>;
export const updateCampaignTemplateBodySchema = campaignTemplateBodySchema.partial().refine((b) => Object.values(b).some((v) => v !== undefined), "Nothing to change");
export type UpdateCampaignTemplateBody = z.input<typeof updateCampaignTemplateBodySchema>;
export const campaignTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.enum(CAMPAIGN_LANGUAGES),
  body: z.string(),
  variables: z.array(z.string()),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>;

// ---- blacklist ----

export const blacklistAddBodySchema = z.object({ phone: text("phone", 32), reason: text("reason", 500) });
export type BlacklistAddBody = z.input<typeof blacklistAddBodySchema>;
export const blacklistRemoveBodySchema = z.object({ reason: text("reason", 500) });
export type BlacklistRemoveBody = z.input<typeof blacklistRemoveBodySchema>;
/** POST /admin/campaigns/blacklist/import — CSV with a `phone` column (optional `reason` column overrides). */
export const blacklistImportBodySchema = z.object({ csv: z.string().min(1, "csv is required").max(5_000_000), reason: text("reason", 500) });
export type BlacklistImportBody = z.input<typeof blacklistImportBodySchema>;
export const listBlacklistQuerySchema = z.object({
  q: z.string().trim().max(32).optional(),
  include_removed: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: keysetCursorSchema.optional(),
});
export type ListBlacklistQuery = z.input<typeof listBlacklistQuerySchema>;
export const blacklistEntrySchema = z.object({
  id: z.string(),
  phone: z.string(),
  reason: z.string(),
  added_by: z.string().nullable(),
  created_at: z.string(),
  removed_at: z.string().nullable(),
  removed_by: z.string().nullable(),
  removed_reason: z.string().nullable(),
});
export type BlacklistEntry = z.infer<typeof blacklistEntrySchema>;
export const blacklistListSchema = z.object({ entries: z.array(blacklistEntrySchema), next_cursor: z.string().nullable(), active_count: z.number() });
export type BlacklistList = z.infer<typeof blacklistListSchema>;
export const blacklistImportSchema = z.object({ added: z.number(), already: z.number(), rejected: z.array(rejectedRowSchema) });
export type BlacklistImport = z.infer<typeof blacklistImportSchema>;

// ---- public opt-out page (console /optout/[token] → commerce /public/campaigns/opt-out/:token) ----

export const optOutStateSchema = z.object({ phone_masked: z.string(), opted_out: z.boolean(), language: z.enum(CAMPAIGN_LANGUAGES) });
export type OptOutState = z.infer<typeof optOutStateSchema>;
export const optOutBodySchema = z.object({ language: z.enum(CAMPAIGN_LANGUAGES).optional() });
export type OptOutBody = z.input<typeof optOutBodySchema>;
