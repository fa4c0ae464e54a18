import { z } from "zod";

// ---- campaign sending (plugins/campaigns, module campaignDispatch): the gate, senders, emergency stop, analytics ----

export const CAMPAIGN_RECIPIENT_STATUSES = ["queued", "sending", "sent", "delivered", "read", "failed", "skipped"] as const;
export type CampaignRecipientStatus = (typeof CAMPAIGN_RECIPIENT_STATUSES)[number];

/** Why the gate says "not now". Pacing reasons come from `decideSend`; the others from the sender and the shop. */
export const DISPATCH_WAIT_REASONS = [
  "gap",
  "before_window",
  "after_window",
  "weekend",
  "holiday",
  "daily_cap",
  "timelock",
  "emergency_stop",
  "paused",
  "session_unavailable",
] as const;
export type DispatchWaitReason = (typeof DISPATCH_WAIT_REASONS)[number];

const id = z.string().trim().min(1).max(100);

// ---- the gate (the Temporal worker, role "system") ----

export const dispatchNextBodySchema = z.object({ session_id: id });
export type DispatchNextBody = z.input<typeof dispatchNextBodySchema>;

export const dispatchMediaSchema = z
  .object({
    url: z.string().optional(),
    file_id: z.string().optional(),
    mimetype: z.string(),
    filename: z.string().optional(),
    caption: z.string().optional(),
  })
  .nullable();

/** The approved template a Cloud API sender sends instead of free text (params rendered for the recipient). */
export const dispatchTemplateSchema = z.object({ name: z.string(), language: z.string(), params: z.array(z.string()) });
export type DispatchTemplate = z.infer<typeof dispatchTemplateSchema>;

/** The gate's answer: send this one now, wait until an instant, or nothing to do on this sender. */
export const dispatchDecisionSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("send"),
    recipient_id: z.string(),
    campaign_id: z.string(),
    run_no: z.number().int(),
    session_id: z.string(),
    to: z.string(),
    body: z.string(),
    media: dispatchMediaSchema,
    idempotency_key: z.string(),
    typing_ms: z.number().int(),
    /** True when this is an in-flight recipient offered again (a crash between claim and record). */
    reoffered: z.boolean().default(false),
    /** Set for a recipient on the template route: send this template (body is its readable text). */
    template: dispatchTemplateSchema.nullable().default(null),
  }),
  z.object({ action: z.literal("wait"), until: z.string(), reason: z.enum(DISPATCH_WAIT_REASONS) }),
  z.object({ action: z.literal("idle") }),
]);
export type DispatchDecision = z.infer<typeof dispatchDecisionSchema>;

export const dispatchSentBodySchema = z.object({
  recipient_id: id,
  message_id: z.string().trim().min(1).max(100),
  status: z.enum(["sent", "delivered", "read"]).default("sent"),
});
export type DispatchSentBody = z.input<typeof dispatchSentBodySchema>;

export const dispatchFailedBodySchema = z.object({
  recipient_id: id,
  reason: z.string().trim().min(1, "reason is required").max(500),
  /** The gateway's error code when there is one: 463, 401 and 403 count against the sender's health. */
  code: z.union([z.number().int(), z.string().trim().max(40)]).optional(),
});
export type DispatchFailedBody = z.input<typeof dispatchFailedBodySchema>;

export const dispatchRecipientAnswerSchema = z.object({
  recipient: z.object({ id: z.string(), status: z.enum(CAMPAIGN_RECIPIENT_STATUSES), reason: z.string().nullable() }),
  /** True when the row already had this outcome (a repeated call). */
  replayed: z.boolean(),
});
export type DispatchRecipientAnswer = z.infer<typeof dispatchRecipientAnswerSchema>;

export const dispatchProgressBodySchema = z.object({ campaign_id: id, run_no: z.coerce.number().int().min(1) });
export type DispatchProgressBody = z.input<typeof dispatchProgressBodySchema>;

export const dispatchProgressSchema = z.object({
  /** Recipients of the run still queued or sending. */
  remaining: z.number().int(),
  /** True when nothing of the run is left to send (the run is then completed, if it was running). */
  done: z.boolean(),
  /** The campaign's status after the call. */
  status: z.string(),
  /** The campaign's senders (the run wakes their pacers). */
  session_ids: z.array(z.string()).optional(),
});
export type DispatchProgress = z.infer<typeof dispatchProgressSchema>;

// ---- the emergency stop ----

export const emergencyStopBodySchema = z.object({ reason: z.string().trim().max(500).optional() });
export type EmergencyStopBody = z.input<typeof emergencyStopBodySchema>;

export const emergencyStopStateSchema = z.object({
  stopped: z.boolean(),
  stopped_at: z.string().nullable(),
  stopped_by: z.string().nullable(),
  stopped_by_name: z.string().nullable(),
  stop_reason: z.string().nullable(),
  resumed_at: z.string().nullable(),
  resumed_by: z.string().nullable(),
  /** Campaigns with status running (the header shows the button while any is running). */
  running_campaigns: z.number().int(),
});
export type EmergencyStopState = z.infer<typeof emergencyStopStateSchema>;

// ---- senders (a WhatsApp session with its pacing policy) ----

export const campaignSenderPolicySchema = z.object({
  gap_min_seconds: z.number(),
  gap_max_seconds: z.number(),
  extra_pause_every: z.number(),
  extra_pause_min_seconds: z.number(),
  extra_pause_max_seconds: z.number(),
  window_start: z.string(),
  window_end: z.string(),
  weekend_days: z.array(z.number().int()),
  holidays: z.array(z.string()),
  daily_cap: z.number().int(),
  warmup_days: z.number().int(),
  warmup_start_cap: z.number().int(),
  paired_at: z.string().nullable(),
});
export type CampaignSenderPolicy = z.infer<typeof campaignSenderPolicySchema>;

export const campaignSenderHealthSchema = z.object({
  score: z.number(),
  verdict: z.enum(["healthy", "watch", "pause"]),
  reasons: z.array(z.string()),
  computed_at: z.string(),
});

export const campaignSenderSchema = z.object({
  session_id: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  /** The WhatsApp session's connection state (open, connecting, needs_pairing, …). */
  state: z.string(),
  policy: campaignSenderPolicySchema,
  sent_today: z.number().int(),
  cap_today: z.number().int(),
  health: campaignSenderHealthSchema.nullable(),
  timelock_until: z.string().nullable(),
  new_chat_cap: z.number().int().nullable(),
  paused_at: z.string().nullable(),
  paused_reason: z.string().nullable(),
  paused_by: z.string().nullable(),
  last_sent_at: z.string().nullable(),
  /** The earliest instant the pacing rules allow this sender's next send (null while paused). */
  next_send_at: z.string().nullable(),
  /** Why the next send waits, when it does. */
  wait_reason: z.string().nullable(),
  /** Recipients of running campaigns still queued on this sender. */
  queued: z.number().int(),
});
export type CampaignSender = z.infer<typeof campaignSenderSchema>;

/** PATCH /admin/campaigns/senders/:session_id — any subset of the pacing policy (400 names the field). */
export type UpdateCampaignSenderBody = Partial<Omit<CampaignSenderPolicy, "paired_at">> & { paired_at?: string | null };

export const pauseCampaignSenderBodySchema = z.object({ reason: z.string().trim().max(500).optional() });
export type PauseCampaignSenderBody = z.input<typeof pauseCampaignSenderBodySchema>;

// ---- sending settings (shop-wide) ----

export const campaignDispatchSettingsSchema = z.object({
  contact_cap_days: z.number().int(),
  identical_text_per_hour: z.number().int(),
  /** The shop's Malaysian state code; it decides the default weekend of new senders. */
  state: z.string(),
});
export type CampaignDispatchSettings = z.infer<typeof campaignDispatchSettingsSchema>;
export const updateCampaignDispatchSettingsBodySchema = z
  .object({
    contact_cap_days: z.number().int().min(0, "contact_cap_days is at least 0").max(365),
    identical_text_per_hour: z.number().int().min(1, "identical_text_per_hour is at least 1").max(10_000),
    state: z.string().trim().toUpperCase().length(3, "state is a 3-letter Malaysian state code"),
  })
  .partial();
export type UpdateCampaignDispatchSettingsBody = z.input<typeof updateCampaignDispatchSettingsBodySchema>;

// ---- analytics, recipients, exports ----

const countByReason = z.array(z.object({ reason: z.string(), count: z.number().int() }));

export const campaignAnalyticsSchema = z.object({
  campaign_id: z.string(),
  status: z.string(),
  run_no: z.number().int(),
  counts: z.object({
    total: z.number().int(),
    queued: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    delivered: z.number().int(),
    read: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    replied: z.number().int(),
    opted_out: z.number().int(),
    converted: z.number().int(),
  }),
  failed_by_reason: countByReason,
  skipped_by_reason: countByReason,
  /** Fractions 0–1 over the messages that went out (sent or beyond). */
  rates: z.object({ delivery: z.number(), read: z.number(), response: z.number(), conversion: z.number() }),
  /** Percentage of the run that reached a final state (sent, delivered, read, failed or skipped). */
  progress_pct: z.number(),
  /** When the remaining recipients are expected to be sent, from each sender's pacing and budget; null when nothing remains or no sender can send. */
  eta: z.string().nullable(),
  /** Messages that went out, per shop day (YYYY-MM-DD), for the chart. */
  sent_per_day: z.array(z.object({ day: z.string(), sent: z.number().int(), delivered: z.number().int(), read: z.number().int() })),
});
export type CampaignAnalytics = z.infer<typeof campaignAnalyticsSchema>;

export const listCampaignRecipientsQuerySchema = z.object({
  status: z.enum(CAMPAIGN_RECIPIENT_STATUSES).optional(),
  run_no: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `next_cursor` of the page before (recipients are listed in id order, i.e. the order they were frozen). */
  after: z.string().trim().max(100).regex(/^[A-Za-z0-9_-]+$/, "after must be a next_cursor of an earlier page").optional(),
});
export type ListCampaignRecipientsQuery = z.input<typeof listCampaignRecipientsQuerySchema>;

export const campaignRecipientRowSchema = z.object({
  id: z.string(),
  run_no: z.number().int(),
  customer_id: z.string().nullable(),
  phone: z.string(),
  name: z.string().nullable(),
  language: z.string(),
  session_id: z.string().nullable(),
  /** chat (free text) or template (the Cloud API template); null for a skipped recipient. */
  route: z.enum(["chat", "template"]).nullable().default(null),
  status: z.enum(CAMPAIGN_RECIPIENT_STATUSES),
  reason: z.string().nullable(),
  body: z.string().nullable(),
  message_id: z.string().nullable(),
  claimed_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  read_at: z.string().nullable(),
  failed_at: z.string().nullable(),
  replied_at: z.string().nullable(),
  opted_out_at: z.string().nullable(),
  converted_at: z.string().nullable(),
});
export type CampaignRecipientRow = z.infer<typeof campaignRecipientRowSchema>;

export const campaignRecipientListSchema = z.object({
  recipients: z.array(campaignRecipientRowSchema),
  /** Exact up to 1,000, then the planner's estimate (`count_estimated`). */
  count: z.number().int(),
  count_estimated: z.boolean(),
  next_cursor: z.string().nullable(),
});
export type CampaignRecipientList = z.infer<typeof campaignRecipientListSchema>;

/** The export's address (CSV per recipient, or the PDF report with its chart), for a download link. */
export function campaignExportPath(campaignId: string, format: "csv" | "pdf"): string {
  return `/admin/campaigns/${encodeURIComponent(campaignId)}/export?format=${format}`;
}
