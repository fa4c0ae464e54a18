import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { auditExportPath } from "@voltura/contracts";
import { requireRole } from "$lib/server/guard";
import { proxyCommerceFile } from "$lib/server/sales-actions";
import { readAuditFilters } from "../audit-filters";
import type { RequestHandler } from "./$types";

/** The filtered audit trail as CSV. Commerce writes the export to the audit trail before it answers. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { staff } = requireRole(locals, MANAGERS);
  const { query, problem } = readAuditFilters(url.searchParams);
  if (!query) error(400, { message: problem ?? "Check the filters" });
  return proxyCommerceFile(staff, auditExportPath(query), "attachment");
};
