import { defineMiddlewares } from "@medusajs/framework/http";
import { requireVolturaActor } from "@voltura/medusa-kit";

/**
 * Every /admin route — Medusa's own and every plugin's — needs a caller with a Voltura role.
 * Each Voltura route then narrows the roles itself through staffRoute().
 */
export default defineMiddlewares({
  routes: [{ matcher: "/admin/*", middlewares: [requireVolturaActor] }],
});
