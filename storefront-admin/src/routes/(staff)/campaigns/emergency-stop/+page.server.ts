import { fail } from "@sveltejs/kit";
import { z } from "zod";
import { ALL_STAFF, MANAGERS, roleAllowed } from "@voltura/domain";
import { getEmergencyStop, pressEmergencyStop, releaseEmergencyStop } from "@voltura/medusa-client";
import { forgetEmergencyStopState } from "$lib/campaigns/emergency.server";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

/** The stop needs a reason on record: an empty post (a stray request) presses nothing. */
const stopSchema = z.object({ reason: z.string().trim().min(3, "Say why the sends are stopped").max(500) });

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  try {
    return { state: await getEmergencyStop(commerce), canRelease: roleAllowed(staff.role, MANAGERS), problem: null };
  } catch (err) {
    return { state: null, canRelease: false, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  stop: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const parsed = stopSchema.safeParse({ reason: (await request.formData()).get("reason") ?? "" });
    if (!parsed.success) return fail(400, { stop: { message: parsed.error.issues[0]?.message ?? "Say why" } });
    try {
      await pressEmergencyStop(commerce, { reason: parsed.data.reason });
      forgetEmergencyStopState();
      return { stop: { done: "Emergency stop on: no campaign message leaves any number until a manager releases it." } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { stop: { message: problem.message } });
    }
  },
  release: async ({ locals }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    try {
      await releaseEmergencyStop(commerce);
      forgetEmergencyStopState();
      return { stop: { done: "Emergency stop released: running campaigns continue within their pacing." } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { stop: { message: problem.message } });
    }
  },
};
