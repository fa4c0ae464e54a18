import { error } from "@sveltejs/kit";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import { posApi } from "@voltura/medusa-client";
import type { PageServerLoad } from "./$types";

/** The counter needs the shop's SST settings (to show totals as items go in) and the register's shift. */
export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, COUNTER_STAFF);
  try {
    const [settings, shifts] = await Promise.all([commerce.getShopSettings(), posApi(commerce).listShifts("main")]);
    return { tax: settings.tax, shift: shifts.current, staffName: staff.name, isManager: staff.role !== "cashier" };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
};
