import { z } from "zod";
import { keysetCursorSchema } from "./keyset.js";
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_LANGUAGES,
  CAMPAIGN_RECIPIENT_ROUTES,
  CAMPAIGN_ROUTINGS,
  CAMPAIGN_STATUSES,
  campaignAudienceSchema,
  campaignCloudTemplateSchema,
  campaignMediaSchema,
  campaignScheduleSchema,
  campaignTextField,
} from "./campaigns.js";

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
  name: campaignTextField("name", 120),
  language: z.enum(CAMPAIGN_LANGUAGES),
  body: campaignTextField("body", 4096),
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

export const blacklistAddBodySchema = z.object({ phone: campaignTextField("phone", 32), reason: campaignTextField("reason", 500) });
export type BlacklistAddBody = z.input<typeof blacklistAddBodySchema>;
export const blacklistRemoveBodySchema = z.object({ reason: campaignTextField("reason", 500) });
export type BlacklistRemoveBody = z.input<typeof blacklistRemoveBodySchema>;
/** POST /admin/campaigns/blacklist/import — CSV with a `phone` column (optional `reason` column overrides). */
export const blacklistImportBodySchema = z.object({ csv: z.string().min(1, "csv is required").max(5_000_000), reason: campaignTextField("reason", 500) });
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
