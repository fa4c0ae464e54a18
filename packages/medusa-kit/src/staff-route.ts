import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { roleAllowed, type AnyRole } from "@voltura/domain";
import { resolveActor, type VolturaActor } from "./actor.js";

export type StaffRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & { actor: VolturaActor };
type Handler<Body> = (req: StaffRequest<Body>, res: MedusaResponse) => Promise<void> | void;

export const ROLES_MARK = Symbol.for("voltura.route.roles");
export type GuardedHandler = ((req: AuthenticatedMedusaRequest, res: MedusaResponse) => Promise<void>) & {
  [ROLES_MARK]: readonly AnyRole[];
};

/**
 * Wraps a route handler with the role check. Every Voltura route is declared through this, so a
 * route cannot exist without a role list (a contract test checks every route file).
 */
export function staffRoute<Body = unknown>(roles: readonly AnyRole[], handler: Handler<Body>): GuardedHandler {
  const guarded = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const actor = await resolveActor(req);
    if (!actor) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a staff member to use this route");
    if (!roleAllowed(actor.role, roles)) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, `Your role (${actor.role}) may not do this. Allowed: ${roles.join(", ")}.`);
    }
    const staffReq = req as StaffRequest<Body>;
    staffReq.actor = actor;
    await handler(staffReq, res);
  };
  return Object.assign(guarded, { [ROLES_MARK]: roles });
}

/** Global middleware for /admin/*: a caller without a Voltura role gets nothing, core routes included. */
export async function requireVolturaActor(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest;
  if (!req.auth_context?.actor_id) return next(); // Medusa's own authenticate answers 401 before us.
  const actor = await resolveActor(req);
  if (!actor) {
    res.status(403).json({ type: "not_allowed", message: "This account has no Voltura staff role" });
    return;
  }
  (req as StaffRequest).actor = actor;
  next();
}
