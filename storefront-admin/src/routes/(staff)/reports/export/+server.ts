import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { reportFilters, reportQuery } from "$lib/reports/filters";
import { requireRole } from "$lib/server/guard";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

const SECTIONS = new Set(["daily", "monthly", "best_sellers", "technicians", "margins"]);

/** CSV of one section, or the PDF of the whole report, for the filters on the page. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { staff } = requireRole(locals, MANAGERS);
  const format = url.searchParams.get("format");
  const section = url.searchParams.get("section") ?? "";
  if (format !== "csv" && format !== "pdf") error(400, { message: "Choose CSV or PDF" });
  if (format === "csv" && !SECTIONS.has(section)) error(400, { message: "Choose which table to export" });
  const params = reportQuery(reportFilters(url.searchParams));
  params.set("format", format);
  if (section) params.set("section", section);
  return proxyCommerceFile(staff, `/admin/reports/export?${params}`, "attachment");
};
