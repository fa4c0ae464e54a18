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

/** A required trimmed text field of a campaign form, its errors naming the field. */
export const campaignTextField = (field: string, max: number) => z.string().trim().min(1, `${field} is required`).max(max, `${field} has at most ${max} characters`);
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
  name: campaignTextField("name", 120),
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
