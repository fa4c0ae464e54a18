import { MANAGERS, REPAIR_DESK, roleAllowed } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { buildDashboard } from "../../../dashboard/build-dashboard";

/**
 * GET /admin/dashboard → the console's dashboard in one answer (repair desk roles): job counts per
 * status, the 8 most recent jobs, low stock, new customers; SLA breaches and revenue (today and this
 * month, shop time, from the report daily rows plus today live) for owners and managers only.
 */
export const GET = staffRoute(REPAIR_DESK, async (req, res) => {
  const managerial = roleAllowed(req.actor.role, MANAGERS);
  res.json(await buildDashboard(req.scope, { slaBreaches: managerial, revenue: managerial }));
});
