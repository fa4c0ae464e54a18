import { redirect } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { endSession } from "$lib/server/auth";
import { revokeClerkSession } from "$lib/server/clerk";
import { getEnv } from "$lib/server/env";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

/** The sign-out button posts here: the session row is deleted, the cookie cleared. */
export const POST: RequestHandler = async (event) => {
  requireRole(event.locals, ALL_STAFF);
  if (getEnv().clerkEnabled) await revokeClerkSession(event);
  else await endSession(event);
  redirect(303, "/login");
};
