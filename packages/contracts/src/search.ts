import { z } from "zod";

/**
 * What GET /admin/search can look for; a kind the caller's role may not read is left out of the
 * answer. `invoice` covers repair and sales invoices (one number series); `receipt` is a counter
 * sale; `chat` a WhatsApp conversation (its id is the chat's phone, E.164).
 */
export const SEARCH_KINDS = ["job", "customer", "item", "invoice", "quotation", "receipt", "chat"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How a hit matched, best first: a whole code / number, the start of one, or a similar name. */
export const SEARCH_MATCHES = ["exact", "prefix", "text"] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

const kindList = z
  .string()
  .trim()
  .transform((value) => value.split(",").map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.enum(SEARCH_KINDS)).min(1, "name at least one kind"));

/**
 * GET /admin/search. The kinds travel as `entity` (comma-separated, e.g. `job,customer`; every
 * kind when omitted): the path is Medusa's own search route, whose query check admits only
 * `q`, `entity`, `limit` and `offset`.
 */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "q is required").max(100),
  entity: kindList.optional(),
  /** Hits in all, exact ones first. */
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export interface SearchQuery {
  q: string;
  kinds?: SearchKind[];
  limit?: number;
}

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  match: z.enum(SEARCH_MATCHES),
  /**
   * The record whose page shows the hit, when that is not `id`: a repair invoice's job, an item's
   * inventory item (null for an item that keeps no stock).
   */
  page_id: z.string().nullable().optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchAnswerSchema = z.object({
  hits: z.array(searchHitSchema),
  /** The kinds searched: those asked for that the caller's role may read. */
  kinds: z.array(z.enum(SEARCH_KINDS)),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;
