import { campaignExportPath } from "@voltura/contracts";
import { campaignsFor } from "$lib/campaigns/server";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

/** GET /campaigns/:id/export?format=csv|pdf — the per-recipient CSV or the PDF report with its chart. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { staff } = campaignsFor(locals);
  const format = url.searchParams.get("format") === "pdf" ? "pdf" : "csv";
  return proxyCommerceFile(staff, campaignExportPath(params.id, format), format === "pdf" ? "inline" : "attachment");
};
