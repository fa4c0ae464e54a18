import { backupDownloadPath } from "@voltura/contracts";
import { requireRole } from "$lib/server/guard";
import { OWNERS_ONLY } from "$lib/server/route-access";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

/** GET …/backups/:id/download — the encrypted backup file (.vsbk), streamed from commerce; commerce audits it. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { staff } = requireRole(locals, OWNERS_ONLY);
  return proxyCommerceFile(staff, backupDownloadPath(params.id), "attachment");
};
