import { MANAGERS } from "@voltura/domain";
import { requireRole } from "$lib/server/guard";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

/** The invoice as a MyInvois e-invoice (UBL 2.1 JSON), downloaded. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { staff } = requireRole(locals, MANAGERS);
  return proxyCommerceFile(staff, `/admin/invoicing/invoices/${encodeURIComponent(params.id)}/myinvois`, "attachment");
};
