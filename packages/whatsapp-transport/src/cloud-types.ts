import { z } from "zod";

/** A Cloud API language code: "ms", "en", "en_US", "zh_CN", "fil". */
export const templateLanguageSchema = z.string().regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "expected a WhatsApp language code like ms, en or en_US");

export const templateHeaderMediaSchema = z
  .object({ kind: z.enum(["image", "video", "document"]), url: z.url().optional(), id: z.string().min(1).optional() })
  .refine((media) => Boolean(media.url) !== Boolean(media.id), "header media needs exactly one of url or id");

/** An approved WhatsApp template to send, with its positional parameters. */
export const templateMessageSchema = z.object({
  name: z.string().min(1).max(512),
  language: templateLanguageSchema,
  /** The body's {{1}}..{{n}}, in order. */
  bodyParams: z.array(z.string()),
  /** A text header's {{1}}, when it has one. */
  headerParams: z.array(z.string()).optional(),
  /** A media header's file, by link or by an uploaded media id. */
  headerMedia: templateHeaderMediaSchema.optional(),
});
export type TemplateMessage = z.infer<typeof templateMessageSchema>;

/** Cloud API messaging limit tiers: how many unique users a business may start chats with per rolling 24 h. */
export const messagingLimitTiers = ["TIER_250", "TIER_1K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"] as const;
export type MessagingLimitTier = (typeof messagingLimitTiers)[number];
export const qualityRatings = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;
export type QualityRating = (typeof qualityRatings)[number];

const TIER_USERS: Record<MessagingLimitTier, number | null> = {
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: null,
};

/** Unique users per rolling 24 h a tier allows; null for unlimited or an unknown / missing tier. */
export function uniqueUsersForTier(tier: string | null | undefined): number | null {
  return tier && tier in TIER_USERS ? TIER_USERS[tier as MessagingLimitTier] : null;
}

