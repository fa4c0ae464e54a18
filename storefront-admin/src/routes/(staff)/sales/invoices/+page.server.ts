import { MANAGERS, roleAllowed } from "@voltura/domain";
import { InvoicingApi } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { PageServerLoad } from "./$types";

const SALES = ["owner", "manager", "cashier"] as const;
const STATUSES = ["unpaid", "partially_paid", "paid"];

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, SALES);
  const status = url.searchParams.get("status") ?? "";
  const q = url.searchParams.get("q")?.trim() ?? "";
  const filter = { status: STATUSES.includes(status) ? status : "", q };
  // Last month in shop time: the consolidated e-invoice is due after the month ends.
  const local = new Date(Date.now() + 8 * 3_600_000);
  const lastMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const canExport = roleAllowed(staff.role, MANAGERS);
  try {
    const { invoices, count } = await new InvoicingApi(commerce).listInvoices({ ...filter, limit: 100 });
    return { filter, invoices, count, problem: null, canExport, lastMonth };
  } catch (err) {
    return { filter, invoices: [], count: 0, problem: commerceProblem(err).message, canExport, lastMonth };
  }
};
