import { z } from "zod";

export const listQuerySchema = z.object({
  status: z.string().trim().max(40).optional(),
  /** Number or buyer name, case-insensitive. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Filters for list routes: status, and number or buyer name matching q. */
export function listFilters(query: z.infer<typeof listQuerySchema>, numberField: "quotation_number" | "invoice_number"): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (query.status) filters.status = query.status.split(",").map((s) => s.trim());
  if (query.q) filters[numberField] = { $ilike: `%${query.q}%` };
  return filters;
}
