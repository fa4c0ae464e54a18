import { sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { readMaintenance } from "../../../../modules/operations/sql/maintenance";
import { MAINTENANCE_READERS } from "../access";

/** Whether maintenance mode is on (the console's banner; the worker waits while it is). Always read fresh. */
export const GET = staffRoute(MAINTENANCE_READERS, async (req, res) => {
  res.json(await readMaintenance(sqlConnection(req.scope)));
});
