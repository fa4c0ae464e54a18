import { resolveOperationsAlertsBodySchema } from "@voltura/contracts";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { resolveAlerts } from "../../../../../modules/operations/sql/alerts";
import { WORKER } from "../../access";

/** The worker resolves every open alert of a kind once its condition is over. */
export const POST = staffRoute(WORKER, async (req, res) => {
  const body = parseOrThrow(resolveOperationsAlertsBodySchema, req.body);
  res.json({ resolved: await resolveAlerts(sqlConnection(req.scope), body.kind) });
});
