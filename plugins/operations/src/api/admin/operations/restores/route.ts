import { sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { listRestoreRuns } from "../../../../modules/operations/sql/restores";
import { OWNERS } from "../access";

/** Restores and copies, newest first, each with its log. */
export const GET = staffRoute(OWNERS, async (req, res) => {
  res.json({ runs: await listRestoreRuns(sqlConnection(req.scope)) });
});
