import { error } from "@sveltejs/kit";
import { parseCustomerFilters } from "$lib/customer-filters";
import { auditFilters, EXPORT_NOT_RECORDED_MESSAGE, recordExportEvent } from "$lib/server/audit-events";
import { commerceProblem } from "$lib/server/commerce";
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
  let customers;
  try {
    ({ customers } = await readAllCustomers(commerce, filters));
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  try {
    await recordExportEvent(commerce, {
      action: "export.customers",
      entity: "customer",
      metadata: { filters: auditFilters(filters), rows: customers.length },
    });
  } catch (err) {
    console.error("[console] customers export not audited:", err);
    error(503, { message: EXPORT_NOT_RECORDED_MESSAGE });
  }
  return new Response(customersCsv(customers), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${customersCsvFilename()}"`,
      "cache-control": "private, no-store",
    },
  });
};
