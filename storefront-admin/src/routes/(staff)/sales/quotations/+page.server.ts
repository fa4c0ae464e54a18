import { InvoicingApi, QUOTATION_STATUSES } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { PageServerLoad } from "./$types";

const SALES = ["owner", "manager", "cashier"] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, SALES);
  const status = url.searchParams.get("status") ?? "";
  const q = url.searchParams.get("q")?.trim() ?? "";
  const filter = { status: (QUOTATION_STATUSES as readonly string[]).includes(status) ? status : "", q };
  try {
    const { quotations, count } = await new InvoicingApi(commerce).listQuotations({ ...filter, limit: 100 });
    return { filter, quotations, count, problem: null };
  } catch (err) {
    return { filter, quotations: [], count: 0, problem: commerceProblem(err).message };
  }
};
