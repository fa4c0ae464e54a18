import type { CampaignRecipientStatus, CampaignStatus } from "@voltura/contracts";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";

// Browser code imports only types from @voltura/medusa-client (its values pull the server client into the bundle):
// the Record types below keep these lists complete.

export const CAMPAIGN_STATUS_LABELS = labelsByCode<CampaignStatus>({
  draft: m.campaigns_status_draft,
  scheduled: m.campaigns_status_scheduled,
  running: m.campaigns_status_running,
  paused: m.campaigns_status_paused,
  completed: m.campaigns_status_completed,
  cancelled: m.campaigns_status_cancelled,
});

export const RECIPIENT_STATUS_LABELS = labelsByCode<CampaignRecipientStatus>({
  queued: m.campaigns_rstatus_queued,
  sending: m.campaigns_rstatus_sending,
  sent: m.campaigns_rstatus_sent,
  delivered: m.campaigns_rstatus_delivered,
  read: m.campaigns_rstatus_read,
  failed: m.campaigns_rstatus_failed,
  skipped: m.campaigns_rstatus_skipped,
});

export const CAMPAIGN_STATUS_LIST = Object.keys(CAMPAIGN_STATUS_LABELS) as CampaignStatus[];
export const RECIPIENT_STATUS_LIST = Object.keys(RECIPIENT_STATUS_LABELS) as CampaignRecipientStatus[];

const EXCLUSION_MESSAGES = {
  opted_out: m.campaigns_excl_opted_out,
  blacklisted: m.campaigns_excl_blacklisted,
  invalid_phone: m.campaigns_excl_invalid_phone,
  duplicate_phone: m.campaigns_excl_duplicate_phone,
};

/** Why people are left out of an audience (count and launch). */
export const EXCLUSION_LABELS: Readonly<Record<string, string>> = labelsByCode(EXCLUSION_MESSAGES);

/** Reasons a recipient was skipped or failed, as staff read them. */
export const REASON_LABELS: Readonly<Record<string, string>> = labelsByCode({
  ...EXCLUSION_MESSAGES,
  contact_cap: m.campaigns_reason_contact_cap,
  identical_text: m.campaigns_reason_identical_text,
});

export const ACTION_LABELS: Readonly<Record<string, string>> = labelsByCode({
  schedule: m.campaigns_action_schedule,
  launch: m.campaigns_action_launch,
  pause: m.campaigns_action_pause,
  resume: m.campaigns_action_resume,
  cancel: m.campaigns_action_cancel,
  confirm: m.campaigns_action_confirm,
});

export const WAIT_REASON_LABELS: Readonly<Record<string, string>> = labelsByCode({
  gap: m.campaigns_wait_gap,
  before_window: m.campaigns_wait_before_window,
  after_window: m.campaigns_wait_after_window,
  weekend: m.campaigns_wait_weekend,
  holiday: m.campaigns_wait_holiday,
  daily_cap: m.campaigns_wait_daily_cap,
  timelock: m.campaigns_wait_timelock,
  emergency_stop: m.campaigns_wait_emergency_stop,
  paused: m.campaigns_wait_paused,
  session_unavailable: m.campaigns_wait_session_unavailable,
});

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** 0.734 → "73.4%". */
export const percent = (fraction: number) => `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.1 ? 1 : 0)}%`;
