import { error, fail } from "@sveltejs/kit";
import { anonymiseCustomer, CommerceError } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

/** The owner's typed confirmation before a customer's personal data is replaced everywhere. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, ["owner"]);
  try {
    const customer = await commerce.getCrmCustomer(params.id);
    return { customer: { id: customer.id, name: customer.name } };
  } catch (err) {
    if (err instanceof CommerceError && err.status === 404) error(404, { message: m.archive_customer_not_found() });
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
};

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, ["owner"]);
    const confirmation = String((await request.formData()).get("confirmation") ?? "").trim();
    if (confirmation !== "ANONYMISE") return fail(400, { message: m.archive_type_anonymise(), changed: null });
    try {
      const result = await anonymiseCustomer(commerce, params.id, confirmation);
      return { message: null, changed: Object.values(result.changed).reduce((a, b) => a + b, 0) };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status >= 500 ? 502 : problem.status, { message: problem.message, changed: null });
    }
  },
};
