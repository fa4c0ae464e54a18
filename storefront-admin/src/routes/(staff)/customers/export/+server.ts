import { parseCustomerFilters } from "$lib/customer-filters";
import { auditedCsvDownload } from "$lib/server/audit-events";
import { customersCsv, customersCsvFilename } from "$lib/server/customers-csv";
import { readAllCustomers } from "$lib/server/customers-view";
import { requireRole } from "$lib/server/guard";
import { EXPORTERS } from "$lib/server/route-access";
import type { RequestHandler } from "./$types";

/**
 * GET /customers/export?<the list's filters>: every matching customer as CSV, in the list's order.
 * Owners and managers only; written to the audit trail first (no audit row, no file).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const filters = parseCustomerFilters(url.searchParams);
  return auditedCsvDownload(commerce, {
    action: "export.customers",
    entity: "customer",
    filters,
    filename: customersCsvFilename(),
    read: async () => (await readAllCustomers(commerce, filters)).customers,
    csv: customersCsv,
  });
};
