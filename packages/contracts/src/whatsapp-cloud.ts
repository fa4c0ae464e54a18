import { z } from "zod";

// ---- WhatsApp Cloud API (Meta's WhatsApp Business Platform): a number's config, its templates and their bindings ----

/** The secrets of a Cloud API number: stored sealed, never answered (the answer says which are set). */
export const CLOUD_SECRET_FIELDS = ["access_token", "app_secret", "verify_token"] as const;
export type CloudSecretField = (typeof CLOUD_SECRET_FIELDS)[number];

const metaId = (field: string) =>
  z.string().trim().regex(/^\d{5,32}$/, `${field} is the number Meta shows in WhatsApp Manager (digits only)`);

/** `cloud` of POST /admin/whatsapp/sessions when `kind` is `cloud_api`; a 400 names `cloud.<field>`. */
export const cloudConfigSchema = z.object({
  phone_number_id: metaId("phone_number_id"),
  waba_id: metaId("waba_id"),
  access_token: z.string().trim().min(1, "access_token is required").max(2048, "access_token has at most 2048 characters"),
  app_secret: z.string().trim().min(1, "app_secret is required").max(256, "app_secret has at most 256 characters"),
  verify_token: z.string().trim().min(8, "verify_token has 8 to 128 characters").max(128, "verify_token has 8 to 128 characters"),
});
export type CloudConfig = z.input<typeof cloudConfigSchema>;

/** PATCH /admin/whatsapp/sessions/:id/cloud: only the fields given change (a secret left out stays as it is). */
export const updateCloudConfigBodySchema = cloudConfigSchema
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change", path: ["phone_number_id"] });
export type UpdateCloudConfigBody = z.input<typeof updateCloudConfigBodySchema>;

/** A Cloud API session's config as answered: ids in clear, secrets only as set / not set. */
export const cloudSessionInfoSchema = z.object({
  phone_number_id: z.string().nullable(),
  waba_id: z.string().nullable(),
  access_token_set: z.boolean(),
  app_secret_set: z.boolean(),
  verify_token_set: z.boolean(),
  /** The console path Meta calls (`/webhooks/whatsapp/cloud`), to join to the shop's public address. */
  webhook_path: z.string(),
});
export type CloudSessionInfo = z.infer<typeof cloudSessionInfoSchema>;

/** Meta's messaging limit tiers: unique customers a number may start conversations with in a rolling 24 h. */
export const MESSAGING_LIMIT_TIERS = ["TIER_250", "TIER_1K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"] as const;
export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

// ---- templates ----

export const WHATSAPP_TEMPLATE_STATUSES = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"] as const;
export type WhatsAppTemplateStatus = (typeof WHATSAPP_TEMPLATE_STATUSES)[number];
export const WHATSAPP_TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY"] as const;
export type WhatsAppTemplateCategory = (typeof WHATSAPP_TEMPLATE_CATEGORIES)[number];

/** The distinct {{n}} of a template body, in ascending order (`"Hi {{1}}, {{2}} {{1}}"` → [1, 2]). */
export function templateParamNumbers(body: string): number[] {
  const found = new Set<number>();
  for (const match of body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b);
}

/** A template's body with its {{n}} filled from `params` (1-based); a missing value stays as {{n}}. */
export function fillTemplateBody(body: string, params: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
}

/** POST /admin/whatsapp/sessions/:id/templates: submitted to Meta for review, stored as PENDING. */
export const submitWhatsAppTemplateBodySchema = z
  .object({
    name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "name uses lower-case letters, digits and _ only"),
    language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "language is a code such as ms, en or en_US"),
    category: z.enum(WHATSAPP_TEMPLATE_CATEGORIES, { error: "category is MARKETING or UTILITY" }),
    body_text: z.string().trim().min(1, "body_text is required").max(1024, "body_text has at most 1024 characters"),
    /** One example per {{n}}, in order: Meta reviews the template with them. */
    body_examples: z.array(z.string().trim().min(1, "each example needs a value").max(200)).max(20).default([]),
  })
  .superRefine((b, ctx) => {
    const numbers = templateParamNumbers(b.body_text);
    if (numbers.some((n, i) => n !== i + 1)) {
      ctx.addIssue({ code: "custom", path: ["body_text"], message: "number the variables {{1}}, {{2}}, … without gaps" });
    } else if (b.body_examples.length !== numbers.length) {
      ctx.addIssue({ code: "custom", path: ["body_examples"], message: `give one example for each of the ${numbers.length} variables` });
    }
  });
export type SubmitWhatsAppTemplateBody = z.input<typeof submitWhatsAppTemplateBodySchema>;

export const whatsappTemplateSchema = z.object({
  id: z.string(),
  session_id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.enum(WHATSAPP_TEMPLATE_STATUSES),
  body_text: z.string().nullable(),
  param_count: z.number().int(),
  rejected_reason: z.string().nullable().optional().default(null),
  synced_at: z.string().nullable().optional().default(null),
});
export type WhatsAppTemplate = z.infer<typeof whatsappTemplateSchema>;

export const whatsappTemplateListSchema = z.object({ templates: z.array(whatsappTemplateSchema) });

// ---- bindings: which template serves a message the shop sends on its own ----

/** `quote_sent`, `quote_reminder`, `pickup_day<n>` (the shop's pickup reminder days), `campaign`. */
export const templatePurposeSchema = z.string().trim().regex(/^(quote_sent|quote_reminder|pickup_day\d{1,3}|campaign)$/, "purpose is quote_sent, quote_reminder, pickup_day<n> or campaign");

const variableName = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "variable names are lower case words");

export const templateBindingSchema = z.object({
  purpose: z.string(),
  session_id: z.string(),
  template_name: z.string(),
  language: z.string(),
  /** The variable that fills {{1}}, {{2}}, … in order. */
  params: z.array(z.string()),
  updated_at: z.string().nullable().optional().default(null),
});
export type TemplateBinding = z.infer<typeof templateBindingSchema>;
export const templateBindingListSchema = z.object({ bindings: z.array(templateBindingSchema) });

/** PUT /admin/whatsapp/template-bindings: sets one binding; `template_name: null` removes it. */
export const putTemplateBindingBodySchema = z.object({
  purpose: templatePurposeSchema,
  session_id: z.string().trim().min(1, "session_id is required"),
  language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "language is a code such as ms, en or en_US"),
  template_name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "template_name uses lower-case letters, digits and _ only").nullable(),
  params: z.array(variableName).max(20).default([]),
});
export type PutTemplateBindingBody = z.input<typeof putTemplateBindingBodySchema>;

/** A template to send (POST /admin/whatsapp/messages `template`): its {{n}} values in order. */
export const sendTemplateSchema = z.object({
  name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "template.name uses lower-case letters, digits and _ only"),
  language: z.string().trim().min(2).max(16),
  params: z.array(z.string().max(1024)).max(20).default([]),
});
export type SendTemplate = z.input<typeof sendTemplateSchema>;

/**
 * The 422 answers of POST /admin/whatsapp/messages on a Cloud API number: the customer's 24 h window is
 * closed and no approved template fits (`outside_service_window`), or the template is not approved.
 */
export const whatsappTemplateRefusalSchema = z.object({
  type: z.enum(["outside_service_window", "template_not_approved"]),
  message: z.string(),
  field: z.string().optional(),
});
export type WhatsAppTemplateRefusal = z.infer<typeof whatsappTemplateRefusalSchema>;
