import { requireRole } from "$lib/server/guard";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import type { RequestHandler } from "./$types";

/** The invoice PDF, inline, ready to print. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { staff } = requireRole(locals, ["owner", "manager", "cashier"]);
  return proxyCommerceFile(staff, `/admin/invoicing/invoices/${encodeURIComponent(params.id)}/pdf`, "inline");
};
