import { z } from "zod";

export const listQuerySchema = z.object({
  status: z.string().trim().max(40).optional(),
  /** Number or buyer name, case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** By document number (its unique index) or, for invoices, issue time (its index); newest created first without one. */
  sort: z.enum(["number", "-number", "issued_at", "-issued_at"]).optional(),
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

/** The list's order: each choice walks an index; `issued_at` exists on invoices only. */
export function listOrder(
  query: z.infer<typeof listQuerySchema>,
  numberField: "quotation_number" | "invoice_number",
): Record<string, "ASC" | "DESC"> {
  const direction = query.sort?.startsWith("-") ? "DESC" : "ASC";
  if (query.sort?.endsWith("number")) return { [numberField]: direction };
  if (query.sort?.endsWith("issued_at") && numberField === "invoice_number") return { issued_at: direction, invoice_number: direction };
  return { created_at: "DESC" };
}
