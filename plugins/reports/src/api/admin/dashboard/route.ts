import { REPAIR_DESK } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { buildDashboard } from "./build-dashboard";
import { dashboardSectionsFor } from "../../../domain/dashboard-sections";

/**
 * GET /admin/dashboard → the console's dashboard in one answer (repair desk roles): job counts per
 * status, the 8 most recent jobs, low stock, new customers, and each role's own sections
 * (`dashboardSectionsFor`): revenue (today, week, month, 30 days; shop time, from the report daily
 * rows plus today live) and SLA breaches for owners and managers only; quotes awaiting approval,
 * open handoffs; a technician's bench; a cashier's counter.
 */
export const GET = staffRoute(REPAIR_DESK, async (req, res) => {
  res.json(await buildDashboard(req.scope, { sections: dashboardSectionsFor(req.actor.role), actorId: req.actor.id }));
});
