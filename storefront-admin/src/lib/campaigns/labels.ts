import type { CampaignRecipientStatus, CampaignStatus } from "@voltura/medusa-client";

// Browser code imports only types from @voltura/medusa-client (its values pull the server client into the bundle):
// the Record types below keep these lists complete.

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  running: "Running",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const RECIPIENT_STATUS_LABELS: Record<CampaignRecipientStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed",
  skipped: "Skipped",
};

export const CAMPAIGN_STATUS_LIST = Object.keys(CAMPAIGN_STATUS_LABELS) as CampaignStatus[];
export const RECIPIENT_STATUS_LIST = Object.keys(RECIPIENT_STATUS_LABELS) as CampaignRecipientStatus[];

/** Why people are left out of an audience (count and launch). */
export const EXCLUSION_LABELS: Record<string, string> = {
  opted_out: "opted out",
  blacklisted: "on the blacklist",
  invalid_phone: "with an invalid phone number",
  duplicate_phone: "sharing a phone number with another customer",
};

/** Reasons a recipient was skipped or failed, as staff read them. */
export const REASON_LABELS: Record<string, string> = {
  ...EXCLUSION_LABELS,
  contact_cap: "got another campaign message recently",
  identical_text: "identical-text guard",
  opted_out: "opted out",
};

export const ACTION_LABELS: Record<string, string> = {
  schedule: "Schedule",
  launch: "Launch now",
  pause: "Pause",
  resume: "Resume",
  cancel: "Cancel campaign",
  confirm: "Confirm missed run",
};

export const WAIT_REASON_LABELS: Record<string, string> = {
  gap: "pacing gap",
  before_window: "before the sending window",
  after_window: "after the sending window",
  weekend: "weekend",
  holiday: "public holiday",
  daily_cap: "daily cap reached",
  timelock: "WhatsApp timelock",
  emergency_stop: "emergency stop",
  paused: "paused",
  session_unavailable: "number not connected",
};

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** 0.734 → "73.4%". */
export const percent = (fraction: number) => `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.1 ? 1 : 0)}%`;
