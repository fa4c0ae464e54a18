import { MESSAGE_TEMPLATES } from "@voltura/domain";
import type { WhatsAppMessage, WhatsAppSession, WhatsAppTemplate } from "@voltura/contracts";

/**
 * Pure rules the console applies to WhatsApp Cloud API numbers (Meta's WhatsApp Business Platform):
 * tiers, quality, the customer-service window, the webhook address, template bindings.
 */

/** The 24 h customer-service window: free text only within 24 h of the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Unique customers a tier allows in a rolling 24 h; "unlimited" for TIER_UNLIMITED; null when not known. */
export function tierCustomers(tier: string | null | undefined): number | "unlimited" | null {
  if (!tier) return null;
  if (tier === "TIER_UNLIMITED") return "unlimited";
  const match = /^TIER_(\d+)(K?)$/.exec(tier);
  if (!match) return null;
  return Number(match[1]) * (match[2] === "K" ? 1000 : 1);
}

export type QualityTone = "good" | "medium" | "low" | "unknown";

/** Meta's quality rating as a tone the page shows in colour and in words. */
export function qualityTone(rating: string | null | undefined): QualityTone {
  if (rating === "GREEN") return "good";
  if (rating === "YELLOW") return "medium";
  if (rating === "RED") return "low";
  return "unknown";
}

/** When the customer last wrote to this number (ISO), from the chat's messages; null when not in them. */
export function lastInboundAt(messages: ReadonlyArray<Pick<WhatsAppMessage, "direction" | "session_id" | "created_at">>, sessionId: string): string | null {
  let last: string | null = null;
  for (const msg of messages) {
    if (msg.direction !== "in" || msg.session_id !== sessionId) continue;
    if (last === null || Date.parse(msg.created_at) > Date.parse(last)) last = msg.created_at;
  }
  return last;
}

/** Whether free text may still go to the customer, and until when. */
export function serviceWindow(lastInbound: string | null, now: Date): { open: boolean; until: string | null } {
  if (!lastInbound) return { open: false, until: null };
  const until = Date.parse(lastInbound) + SERVICE_WINDOW_MS;
  return { open: until > now.getTime(), until: new Date(until).toISOString() };
}

/** The number the chat sends through when no number is chosen: the shop's default, else the first. */
export function sendingSession<T extends Pick<WhatsAppSession, "is_default">>(sessions: readonly T[]): T | null {
  return sessions.find((s) => s.is_default) ?? sessions[0] ?? null;
}

/** The address to paste into Meta's webhook settings: the console's public origin + the path commerce names. */
export function webhookUrl(origin: string, path: string): string {
  return new URL(path, origin.endsWith("/") ? origin : `${origin}/`).toString();
}

/**
 * The distinct {{n}} of a template body, ascending (`"Hi {{1}}, {{2}} {{1}}"` → [1, 2]). The same rule as
 * `templateParamNumbers` of @voltura/medusa-client, here so components in the browser need not load that package.
 */
export function placeholderNumbers(body: string): number[] {
  const found = new Set<number>();
  for (const match of body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b);
}

/** A template body with its {{n}} filled from `params` (1-based); a missing value stays as {{n}}. */
export function fillPlaceholders(body: string, params: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => params[Number(n) - 1] || whole);
}

/** Approved templates only (the rest cannot be sent), by name then language. */
export function sendableTemplates<T extends Pick<WhatsAppTemplate, "status" | "name" | "language">>(templates: readonly T[]): T[] {
  return templates.filter((t) => t.status === "APPROVED").sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
}

/** `name|language`: a template's key in a form's select. */
export const templateKey = (t: { name: string; language: string }) => `${t.name}|${t.language}`;
export function parseTemplateKey(key: string): { name: string; language: string } | null {
  const [name, language, ...rest] = key.split("|");
  return name && language && rest.length === 0 ? { name, language } : null;
}

/** What a binding serves: the quote, its reminder, each pickup reminder day, and campaigns. */
export type BindingPurpose = "quote_sent" | "quote_reminder" | `pickup_day${number}` | "campaign";

export function bindingPurposes(pickupDays: readonly number[]): BindingPurpose[] {
  return ["quote_sent", "quote_reminder", ...pickupDays.map((d) => `pickup_day${d}` as const), "campaign"];
}

/** Campaign values the planner fills for every recipient (the CSV may add more). */
export const CAMPAIGN_VARIABLES = ["nama", "model", "expiry_date", "job_number", "shop_name"] as const;

/** The variables a purpose's message has, to fill {{1}}, {{2}}, … (the shop's message template placeholders). */
export function purposeVariables(purpose: string): readonly string[] {
  if (purpose === "quote_sent") return MESSAGE_TEMPLATES.repair_quote.placeholders;
  if (purpose === "quote_reminder") return MESSAGE_TEMPLATES.repair_quote_reminder.placeholders;
  if (/^pickup_day\d+$/.test(purpose)) return MESSAGE_TEMPLATES.pickup_reminder.placeholders;
  return CAMPAIGN_VARIABLES;
}

/** The ordered variables from a form's `param.1`, `param.2`, … fields, up to `count`; missing ones are "". */
export function paramsFromForm(form: FormData, count: number, prefix = "param"): string[] {
  return Array.from({ length: count }, (_, i) => {
    const value = form.get(`${prefix}.${i + 1}`);
    return typeof value === "string" ? value.trim() : "";
  });
}
