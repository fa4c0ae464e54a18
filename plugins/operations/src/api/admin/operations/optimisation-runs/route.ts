import { optimisationRunBodySchema } from "@voltura/contracts";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { listOptimisationRuns, recordOptimisationRun } from "../../../../modules/operations/sql/optimisation";
import { OWNERS, WORKER } from "../access";

export const GET = staffRoute(OWNERS, async (req, res) => {
  res.json({ runs: await listOptimisationRuns(sqlConnection(req.scope)) });
});

/** The worker records a weekly optimisation's result (idempotent per key: a retry answers the stored run). */
export const POST = staffRoute(WORKER, async (req, res) => {
  const { run, created } = await recordOptimisationRun(sqlConnection(req.scope), parseOrThrow(optimisationRunBodySchema, req.body));
  res.status(created ? 201 : 200).json({ run });
});
