import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http";
import { sqlConnection } from "@voltura/medusa-kit";
import { maintenanceMessage, refusedInMaintenance } from "../domain/maintenance-rules";
import { cachedMaintenance } from "../modules/operations/sql/maintenance";

/**
 * Maintenance mode: while it is on (a restore runs), every write to the staff and public API answers 503
 * `maintenance_mode`, except the operations routes, the sign-in check and the console's audit events. Reads pass.
 * The state is read at most every 2 s per process.
 */
async function refuseWritesInMaintenance(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    if (!refusedInMaintenance(req.method, req.originalUrl ?? req.url)) return next();
    const state = await cachedMaintenance(sqlConnection(req.scope));
    if (!state.on) return next();
    res.status(503).json({ type: "maintenance_mode", message: maintenanceMessage(state.reason) });
  } catch (err) {
    next(err);
  }
}

export default defineMiddlewares({
  routes: [
    { matcher: "/admin/*", middlewares: [refuseWritesInMaintenance] },
    { matcher: "/public/*", middlewares: [refuseWritesInMaintenance] },
  ],
});
