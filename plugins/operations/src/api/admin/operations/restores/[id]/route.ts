import { sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { getRestoreRun } from "../../../../../modules/operations/sql/restores";
import { OWNERS } from "../../access";

/** One run with its live log (the console polls it while the run is pending or running). */
export const GET = staffRoute(OWNERS, async (req, res) => {
  res.json({ run: await getRestoreRun(sqlConnection(req.scope), String(req.params.id)) });
});
