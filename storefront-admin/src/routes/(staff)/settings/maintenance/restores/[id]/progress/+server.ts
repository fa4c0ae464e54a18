import { json } from "@sveltejs/kit";
import { getMaintenanceState, getRestoreRun } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { OWNERS_ONLY } from "$lib/server/route-access";
import type { RequestHandler } from "./$types";

/**
 * GET …/restores/:id/progress — the run (steps, log) and maintenance mode as they are now, for the run
 * page's once-a-second poll. A moment without an answer (commerce reconnecting after the database swap)
 * is a 503 with a message; the page keeps the last state and asks again.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, OWNERS_ONLY);
  try {
    const [run, maintenance] = await Promise.all([getRestoreRun(commerce, params.id), getMaintenanceState(commerce)]);
    return json(
      { run, maintenance: maintenance.on ? { since: maintenance.since, restoreRunId: maintenance.restore_run_id, reason: maintenance.reason } : null },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    const problem = commerceProblem(err);
    return json({ error: problem.message }, { status: problem.status === 404 ? 404 : 503, headers: { "cache-control": "no-store" } });
  }
};
