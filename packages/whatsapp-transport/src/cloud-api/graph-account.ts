import { z } from "zod";
import { templateParamCount } from "../simulator/templates.js";
import { messagingLimitTiers, qualityRatings, templateLanguageSchema, type MessagingLimitTier, type QualityRating } from "../types.js";
import { graphRequest, parseCloudApiConfig, type CloudApiConfig } from "./graph-client.js";

/** Template statuses as the shop stores them; Meta's rarer ones are folded in (see normalizeTemplateStatus). */
export const cloudTemplateStatuses = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"] as const;
export type CloudTemplateStatus = (typeof cloudTemplateStatuses)[number];

/** Meta's status as one of ours: IN_APPEAL is still PENDING; deleted / limit exceeded / unknown are DISABLED. */
export function normalizeTemplateStatus(status: string): CloudTemplateStatus {
  const upper = status.toUpperCase();
  if ((cloudTemplateStatuses as readonly string[]).includes(upper)) return upper as CloudTemplateStatus;
  if (upper === "IN_APPEAL" || upper === "PENDING_REVIEW") return "PENDING";
  if (upper === "REINSTATED" || upper === "UNPAUSED") return "APPROVED";
  return "DISABLED";
}

export interface CloudTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  status: CloudTemplateStatus;
  /** Meta's own status word, for a status we folded (IN_APPEAL, PENDING_DELETION…). */
  rawStatus: string;
  /** The BODY component's text with its {{n}} placeholders, when it has one. */
  bodyText: string | null;
  /** How many body parameters a send must pass. */
  paramCount: number;
  rejectedReason: string | null;
  components: unknown[];
}

const templateRowSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string().default("UTILITY"),
  status: z.string(),
  rejected_reason: z.string().optional(),
  components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).default([]),
});
const templatePageSchema = z.object({
  data: z.array(templateRowSchema),
  paging: z.looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

function toTemplate(row: z.infer<typeof templateRowSchema>): CloudTemplate {
  const bodyText = row.components.find((component) => component.type.toUpperCase() === "BODY")?.text ?? null;
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    category: row.category,
    status: normalizeTemplateStatus(row.status),
    rawStatus: row.status,
    bodyText,
    paramCount: bodyText ? templateParamCount(bodyText) : 0,
    rejectedReason: row.rejected_reason && row.rejected_reason !== "NONE" ? row.rejected_reason : null,
    components: row.components,
  };
}

/** Every template of the account (all pages). */
export async function listTemplates(config: CloudApiConfig): Promise<CloudTemplate[]> {
  const { wabaId } = parseCloudApiConfig(config);
  const templates: CloudTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const query: Record<string, string> = { fields: "id,name,language,category,status,rejected_reason,components", limit: "100" };
    if (after) query.after = after;
    const answer = templatePageSchema.parse(await graphRequest(config, { path: `${wabaId}/message_templates`, query }));
    templates.push(...answer.data.map(toTemplate));
    after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return templates;
}

export const templateSubmissionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, "a template name is lowercase letters, digits and _"),
    language: templateLanguageSchema,
    category: z.enum(["MARKETING", "UTILITY"]),
    bodyText: z.string().trim().min(1).max(1024),
    /** One example value per {{n}}, in order (Meta reviews with them). */
    bodyExamples: z.array(z.string().min(1)).default([]),
  })
  .refine((input) => templateParamCount(input.bodyText) === input.bodyExamples.length, {
    message: "give one example per {{n}} placeholder in the body",
    path: ["bodyExamples"],
  });
export type TemplateSubmission = z.input<typeof templateSubmissionSchema>;

/** Submits a template for Meta's review; it starts PENDING (Meta may approve it at once). */
export async function submitTemplate(
  config: CloudApiConfig,
  submission: TemplateSubmission,
): Promise<{ id: string; status: CloudTemplateStatus; category: string }> {
  const { wabaId } = parseCloudApiConfig(config);
  const { name, language, category, bodyText, bodyExamples } = templateSubmissionSchema.parse(submission);
  const body = { type: "BODY", text: bodyText, ...(bodyExamples.length ? { example: { body_text: [bodyExamples] } } : {}) };
  const answer = z
    .looseObject({ id: z.string(), status: z.string().default("PENDING"), category: z.string().default(category) })
    .parse(await graphRequest(config, { path: `${wabaId}/message_templates`, json: { name, language, category, components: [body] } }));
  return { id: answer.id, status: normalizeTemplateStatus(answer.status), category: answer.category };
}

export interface PhoneNumberHealth {
  displayPhone: string;
  verifiedName: string | null;
  qualityRating: QualityRating | null;
  messagingLimitTier: MessagingLimitTier | null;
}

const phoneNumberSchema = z.looseObject({
  id: z.string().optional(),
  display_phone_number: z.string(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
});

/** The number as Meta sees it: display phone, verified name, quality rating and messaging limit tier. */
export async function phoneNumberHealth(config: CloudApiConfig): Promise<PhoneNumberHealth> {
  const { phoneNumberId } = parseCloudApiConfig(config);
  const answer = phoneNumberSchema.parse(
    await graphRequest(config, {
      path: phoneNumberId,
      query: { fields: "display_phone_number,verified_name,quality_rating,messaging_limit_tier" },
    }),
  );
  // Meta answers NA for a number too new to be rated.
  const quality = answer.quality_rating?.toUpperCase().replace(/^NA$/, "UNKNOWN");
  return {
    displayPhone: answer.display_phone_number,
    verifiedName: answer.verified_name ?? null,
    qualityRating: quality && (qualityRatings as readonly string[]).includes(quality) ? (quality as QualityRating) : null,
    messagingLimitTier: (messagingLimitTiers as readonly string[]).includes(answer.messaging_limit_tier ?? "")
      ? (answer.messaging_limit_tier as MessagingLimitTier)
      : null,
  };
}

/** Where a received media id's bytes are: a short-lived URL (download with graphDownload) and its type. */
export async function mediaInfo(config: CloudApiConfig, mediaId: string): Promise<{ url: string; mimeType: string | null; sizeBytes: number | null }> {
  const answer = z
    .looseObject({ url: z.url(), mime_type: z.string().optional(), file_size: z.coerce.number().optional() })
    .parse(await graphRequest(config, { path: encodeURIComponent(mediaId) }));
  return { url: answer.url, mimeType: answer.mime_type ?? null, sizeBytes: answer.file_size ?? null };
}
