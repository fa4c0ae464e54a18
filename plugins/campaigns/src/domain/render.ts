import { renderCampaignMessage, startOfShopDay, type CampaignValue } from "@voltura/domain";
import { templateParamValues } from "./template-params";

export interface CampaignForRender {
  template_ms: string;
  template_en: string;
  fallbacks: Record<string, string>;
  /** The approved Cloud API template sent to recipients on the template route. */
  cloud_template?: { name: string; language: string; params: string[] } | null;
}

export interface RecipientForRender {
  id: string;
  phone: string;
  name: string | null;
  language: "ms" | "en";
  values: Record<string, unknown>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A frozen value back to what the renderer formats: ISO dates (as JSON keeps them) become dates, `{ sen }` stays money. */
export function campaignValueOf(value: unknown): CampaignValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return ISO_DATE.test(value) ? (value.length === 10 ? startOfShopDay(value) : new Date(value)) : value;
  if (typeof value === "number") return value;
  if (typeof value === "object" && typeof (value as { sen?: unknown }).sen === "number") return { sen: (value as { sen: number }).sen };
  return String(value);
}

/** The recipient's language template, or the other one when that is empty. */
export function templateFor(campaign: CampaignForRender, language: "ms" | "en"): { template: string; language: "ms" | "en" } {
  const own = language === "en" ? campaign.template_en : campaign.template_ms;
  if (own.trim()) return { template: own, language };
  const other = language === "en" ? "ms" : "en";
  return { template: other === "en" ? campaign.template_en : campaign.template_ms, language: other };
}

function valuesOf(recipient: RecipientForRender, shopName: string, optoutLink: string): Record<string, CampaignValue> {
  const values: Record<string, CampaignValue> = { nama: recipient.name, shop_name: shopName };
  for (const [key, value] of Object.entries(recipient.values ?? {})) values[key] = campaignValueOf(value);
  values.optout_link = optoutLink;
  if (values.nama === null || values.nama === "") values.nama = recipient.name;
  return values;
}

/**
 * The template one recipient on the template route gets: each param variable formatted as the free text would
 * show it (dates, money, the fallback when missing), cleaned for WhatsApp. Null when the campaign has no template.
 */
export function renderTemplateForRecipient(input: {
  campaign: CampaignForRender;
  recipient: RecipientForRender;
  shopName: string;
  optoutLink: string;
}): { name: string; language: string; params: string[] } | null {
  const template = input.campaign.cloud_template;
  if (!template) return null;
  const values = valuesOf(input.recipient, input.shopName, input.optoutLink);
  const params = templateParamValues(template.params, (name) =>
    renderCampaignMessage({ template: `{${name}}`, values, fallbacks: input.campaign.fallbacks ?? {}, language: input.recipient.language, seed: input.recipient.id }).text);
  return { name: template.name, language: template.language, params };
}

/**
 * The text one recipient gets. The seed is the recipient id (a re-roll appends a suffix), so a re-offer after a
 * crash renders the same text. Frozen values win over the built-ins except the opt-out link.
 */
export function renderForRecipient(input: {
  campaign: CampaignForRender;
  recipient: RecipientForRender;
  shopName: string;
  optoutLink: string;
  seed: string;
}): { text: string; missing: string[] } {
  const { template, language } = templateFor(input.campaign, input.recipient.language);
  const values = valuesOf(input.recipient, input.shopName, input.optoutLink);
  return renderCampaignMessage({ template, values, fallbacks: input.campaign.fallbacks ?? {}, language, seed: input.seed });
}
