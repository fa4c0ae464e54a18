import { dispatchProgressBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordedByItsOwnRows, staffRoute } from "@voltura/medusa-kit";
import { DISPATCHER } from "../../dispatch-roles";
import { runProgress } from "../../../../../modules/campaign-dispatch/gate/record";

/** What is left of a run; the call that finds nothing left ends the run. */
export const POST = staffRoute(DISPATCHER, async (req, res) => {
  const body = parseOrThrow(dispatchProgressBodySchema, req.body);
  const progress = await runProgress(req.scope, body);
  if (!progress.done) recordedByItsOwnRows(req);
  res.json(progress);
});
