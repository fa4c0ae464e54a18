import { error } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { parseCustomerFilters } from "$lib/customer-filters";
import { commerceProblem } from "$lib/server/commerce";
import { customersCsv, customersCsvFilename } from "$lib/server/customers-csv";
import { readAllCustomers } from "$lib/server/customers-view";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

/** GET /customers/export?<the list's filters>: every matching customer as CSV, in the list's order. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, ALL_STAFF);
  const filters = parseCustomerFilters(url.searchParams);
  let customers;
  try {
    ({ customers } = await readAllCustomers(commerce, filters));
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  return new Response(customersCsv(customers), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${customersCsvFilename()}"`,
      "cache-control": "private, no-store",
    },
  });
};
