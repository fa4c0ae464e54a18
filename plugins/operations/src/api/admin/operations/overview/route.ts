import { sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { operationsOverview } from "../../../../modules/operations/sql/overview";
import { OWNERS } from "../access";

/** The Maintenance page's figures: database and disks, version and migrations, WhatsApp, alerts, the newest backup. */
export const GET = staffRoute(OWNERS, async (req, res) => {
  res.json(await operationsOverview(sqlConnection(req.scope)));
});
