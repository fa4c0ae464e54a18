import { MANAGERS } from "@voltura/domain";
import { requireRole } from "$lib/server/guard";
import type { PageServerLoad } from "./$types";

/** The settings landing: one card per section the role may open (the layout lists them). */
export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, MANAGERS);
  return {};
};
