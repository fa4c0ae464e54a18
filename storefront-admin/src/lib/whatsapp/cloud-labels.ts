import type { WhatsAppTemplateStatus } from "@voltura/contracts";
import type { BadgeVariant } from "$lib/components/ui/badge";
import { formatNumber } from "$lib/i18n/format";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";
import { qualityTone, tierCustomers, type QualityTone } from "./cloud";

/** Labels of the Cloud API parts of the console, read in the staff member's language each time. */

export function tierText(tier: string | null | undefined): string {
  const customers = tierCustomers(tier);
  if (customers === "unlimited") return m.cloud_tier_unlimited();
  if (customers === null) return m.cloud_tier_unknown();
  return m.cloud_tier_up_to({ count: formatNumber(customers) });
}

export const QUALITY_LABELS = labelsByCode<QualityTone>({
  good: m.cloud_quality_good,
  medium: m.cloud_quality_medium,
  low: m.cloud_quality_low,
  unknown: m.cloud_quality_unknown,
});

/** Colour classes of a quality rating; always shown with its words, never colour alone. */
export const QUALITY_CLASSES: Record<QualityTone, string> = {
  good: "bg-emerald-600 text-white",
  medium: "bg-amber-400 text-black",
  low: "bg-red-600 text-white",
  unknown: "bg-muted text-foreground",
};

export function qualityOf(rating: string | null | undefined) {
  const tone = qualityTone(rating);
  return { tone, label: QUALITY_LABELS[tone], classes: QUALITY_CLASSES[tone] };
}

export const TEMPLATE_STATUS_LABELS = labelsByCode<WhatsAppTemplateStatus>({
  APPROVED: m.cloud_template_status_approved,
  PENDING: m.cloud_template_status_pending,
  REJECTED: m.cloud_template_status_rejected,
  PAUSED: m.cloud_template_status_paused,
  DISABLED: m.cloud_template_status_disabled,
});

export const TEMPLATE_STATUS_VARIANTS: Record<WhatsAppTemplateStatus, BadgeVariant> = {
  APPROVED: "default",
  PENDING: "secondary",
  REJECTED: "destructive",
  PAUSED: "outline",
  DISABLED: "destructive",
};

export function categoryLabel(category: string): string {
  if (category === "MARKETING") return m.cloud_category_marketing();
  if (category === "UTILITY") return m.cloud_category_utility();
  return category;
}

/** What a binding serves, in words. */
export function purposeLabel(purpose: string): string {
  if (purpose === "quote_sent") return m.cloud_purpose_quote_sent();
  if (purpose === "quote_reminder") return m.cloud_purpose_quote_reminder();
  if (purpose === "campaign") return m.cloud_purpose_campaign();
  const day = /^pickup_day(\d+)$/.exec(purpose)?.[1];
  return day ? m.cloud_purpose_pickup_day({ day }) : purpose;
}

/** A transport kind in words. */
export function sessionKindLabel(kind: string): string {
  if (kind === "cloud_api") return m.cloud_kind_cloud_api();
  if (kind === "simulator") return m.settings_sessions_kind_simulator();
  return m.cloud_kind_baileys();
}
