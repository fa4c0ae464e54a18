import { error, redirect } from "@sveltejs/kit";
import { forbidden, notStaffMessage } from "$lib/server/guard";
import { maintenanceState } from "$lib/server/maintenance-state";
import type { LayoutServerLoad } from "./$types";

/**
 * The staff area's gate. hooks.server.ts marks refused page requests in locals.denied; this
 * turns that into a redirect to /login or a 403 page. It reads `url`, so it runs on every
 * navigation, client-side ones included — which also keeps the maintenance banner current.
 */
export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
  const here = url.pathname + url.search;
  if (locals.denied === "signed-out") {
    redirect(303, here === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(here)}`);
  }
  if (locals.denied === "not-staff") error(403, { message: notStaffMessage() });
  if (locals.denied === "role") forbidden(locals.staff?.role ?? null);
  depends("app:maintenance", "live:maintenance");
  // Every role sees the banner while a restore has paused changes.
  const state = locals.commerce ? await maintenanceState(locals.commerce) : null;
  return {
    maintenance: state?.on ? { since: state.since, restoreRunId: state.restore_run_id, reason: state.reason } : null,
    // Tells this staff member's own live changes from others' (src/lib/live).
    liveStaffId: locals.staff?.id ?? null,
  };
};
