import { z } from "zod";
import { addShopDays, shopDayOf, shopDaySchema } from "@voltura/domain";
import { SALE_SOURCES, type SaleSource } from "../../../domain/facts";
import { shopDayRange, type ShopRange } from "../../../domain/range";
import { REPORT_SECTIONS } from "./report-export";

const sourcesSchema = z.string().trim().optional().transform((value, ctx): SaleSource[] => {
  if (!value) return [...SALE_SOURCES];
  const list = value.split(",").map((s) => s.trim());
  const bad = list.filter((s) => !SALE_SOURCES.includes(s as SaleSource));
  if (bad.length) ctx.addIssue({ code: "custom", message: `unknown source ${bad.join(", ")}; use ${SALE_SOURCES.join(", ")}` });
  return list as SaleSource[];
});

export const reportQuerySchema = z.object({
  /** First day, shop time (default: 29 days before `to`). */
  from: shopDaySchema.optional(),
  /** Last day, shop time, included (default: today). */
  to: shopDaySchema.optional(),
  source: sourcesSchema,
  limit: z.coerce.number().int().min(1).max(100).default(10),
  /** `daily` (default): stored daily rows plus live days; `live`: every sale of the range read from the sources. */
  mode: z.enum(["daily", "live"]).default("daily"),
});

export const exportQuerySchema = reportQuerySchema.extend({
  section: z.enum(REPORT_SECTIONS).optional(),
  format: z.enum(["csv", "pdf"]),
});

/** The range the query asks for, defaulting to the last 30 days up to today (shop time). */
export function rangeOf(query: { from?: string; to?: string }, now = new Date()): ShopRange {
  const to = query.to ?? shopDayOf(now);
  const from = query.from ?? addShopDays(to, -29);
  return shopDayRange(from, to);
}
