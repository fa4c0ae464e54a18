import { CAMPAIGN_RAW_PATHS } from "@voltura/contracts";
import { campaignsFor } from "$lib/campaigns/server";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

/** GET /campaigns/blacklist/export — the active blacklist as CSV (phone, reason, who, when). */
export const GET: RequestHandler = async ({ locals }) => {
  const { staff } = campaignsFor(locals);
  return proxyCommerceFile(staff, CAMPAIGN_RAW_PATHS.blacklistExport, "attachment");
};
