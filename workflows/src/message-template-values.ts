import { formatMYR } from "@voltura/domain";
import type { PickupReminderTarget, QuoteForCustomer } from "./activities/repair-flows.js";

/** The patch id of the sends that name their message template (histories from before it send `body` only). */
export const MESSAGE_TEMPLATES_PATCH = "message-templates";

/**
 * The patch id of the sends that name a template purpose (quote, reminder, pickup) and of campaign sends that carry a
 * Cloud API template; histories from before it send without them.
 */
export const CLOUD_API_TEMPLATES_PATCH = "cloud-api-templates";

/** The template purpose of a pickup reminder on day n (bound per shop to an approved template: pickup_day1, …). */
export function pickupTemplatePurpose(day: number): string {
  return `pickup_day${day}`;
}

/** The customer's first name, as every repair message greets them. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name.trim();
}

/** Placeholder values of the repair quote messages ({nama} {model} {job_number} {shop_name} {total} {lines} {version}). */
export function quoteTemplateValues(quote: QuoteForCustomer, version: number, lines: readonly string[]): Record<string, string> {
  return {
    nama: firstName(quote.customerName),
    model: quote.device,
    job_number: quote.jobNumber,
    shop_name: quote.shopName,
    total: formatMYR(quote.totalSen),
    lines: lines.join("\n"),
    version: String(version),
  };
}

/** Placeholder values of a pickup reminder ({nama} {model} {job_number} {shop_name}). */
export function pickupTemplateValues(target: PickupReminderTarget): Record<string, string> {
  return { nama: firstName(target.customerName), model: target.device, job_number: target.jobNumber, shop_name: target.shopName };
}
