import { z } from "zod";
import type { StaffRole } from "./roles.js";

/** How the shop deals with a customer: over the counter, on a company account, or as a reseller. */
export const CUSTOMER_TYPES = ["walk_in", "corporate", "dealer"] as const;
export const customerTypeSchema = z.enum(CUSTOMER_TYPES);
export type CustomerType = z.infer<typeof customerTypeSchema>;

export const CUSTOMER_TYPE_LABELS: Record<CustomerType, string> = {
  walk_in: "Walk-in",
  corporate: "Corporate",
  dealer: "Dealer",
};

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 20;

/**
 * A tag as stored: trimmed, lowercase, inner whitespace collapsed to one space ("  VIP  Client" → "vip client").
 * Returns "" for a blank tag.
 */
export function normaliseTag(tag: string): string {
  return tag.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Normalises every tag, drops blanks and duplicates, keeps the first-seen order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const t = normaliseTag(tag);
    if (t) seen.add(t);
  }
  return [...seen];
}

/** The union of two tag lists (a merge keeps the primary's tags first). */
export function mergeTags(primary: readonly string[], other: readonly string[]): string[] {
  return normaliseTags([...primary, ...other]);
}

export const tagSchema = z
  .string()
  .transform(normaliseTag)
  .pipe(
    z
      .string()
      .min(1, "A tag cannot be blank")
      .max(MAX_TAG_LENGTH, `A tag has at most ${MAX_TAG_LENGTH} characters`)
      .regex(/^[^,]+$/, "A tag cannot contain a comma"),
  );

/** A list of tags from a request: each one normalised, duplicates removed. */
export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .transform((tags) => normaliseTags(tags));

/** Who may change customer records (everyone on staff may read them; merging is for MANAGERS). */
export const CRM_EDITORS: readonly StaffRole[] = ["owner", "manager", "cashier"];
