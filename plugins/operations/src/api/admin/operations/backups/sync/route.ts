import { syncBackupsBodySchema } from "@voltura/contracts";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { syncBackupCatalog } from "../../../../../modules/operations/sql/backups";
import { WORKER } from "../../access";

/** The worker's full list of what storage holds (local + external): the catalog becomes it. */
export const POST = staffRoute(WORKER, async (req, res) => {
  const body = parseOrThrow(syncBackupsBodySchema, req.body);
  res.json(await syncBackupCatalog(sqlConnection(req.scope), body.backups));
});
