import { defineMiddlewares } from "@medusajs/framework/http";
import { auditAdminWrites, requireVolturaActor, volturaErrorHandler } from "@voltura/medusa-kit";
import { guardMedusaEmailpassSignin } from "./auth/medusa-signin-guard";

/**
 * Every /admin route — Medusa's own and every plugin's — needs a caller with a Voltura role,
 * re-checked against the user record. Each Voltura route then narrows the roles itself through
 * staffRoute(); Medusa's own routes stay closed unless CORE_ROUTE_ALLOWLIST opens one. Every
 * successful write leaves an audit row (its own, or the generic one).
 */
export default defineMiddlewares({
  // One error handler for the whole app (Medusa keeps the last one a plugin declares; only this plugin does).
  errorHandler: volturaErrorHandler(),
  routes: [
    { matcher: "/admin/*", middlewares: [requireVolturaActor, auditAdminWrites] },
    // Medusa's own sign-in gets the staff sign-in limits and the one answer for every wrong.
    { matcher: "/auth/user/emailpass", method: ["POST"], middlewares: [guardMedusaEmailpassSignin] },
  ],
});
