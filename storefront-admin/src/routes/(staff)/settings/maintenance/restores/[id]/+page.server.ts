import { m } from "$lib/paraglide/messages.js";
import { error } from "@sveltejs/kit";
import { getRestoreRun } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { OWNERS_ONLY } from "$lib/server/route-access";
import type { PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, OWNERS_ONLY);
  try {
    return { run: await getRestoreRun(commerce, params.id) };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.status === 404 ? m.operations_no_such_run() : problem.message });
  }
};
