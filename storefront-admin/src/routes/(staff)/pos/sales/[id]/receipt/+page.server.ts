import { error } from "@sveltejs/kit";
import { posApi } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import type { PageServerLoad } from "./$types";

/** The 80 mm print view: the sale and the shop's business details (name, address, SST number). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { commerce } = requireRole(locals, COUNTER_STAFF);
  try {
    const [sale, settings] = await Promise.all([posApi(commerce).getSale(params.id), commerce.getShopSettings()]);
    return { sale, business: settings.business, autoPrint: url.searchParams.get("print") === "1" };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.message });
  }
};
