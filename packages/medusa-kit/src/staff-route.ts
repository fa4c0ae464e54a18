import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { roleAllowed, type AnyRole } from "@voltura/domain";
import { actorVerdictFor, type ActorRefusal, type VolturaActor } from "./actor.js";
import { adminRouteTarget, STAFF_ROUTE_FN_NAME } from "./admin-routes.js";
import { coreRouteDecision } from "./core-route-policy.js";

export type StaffRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & { actor: VolturaActor };
type Handler<Body> = (req: StaffRequest<Body>, res: MedusaResponse) => Promise<void> | void;

export const ROLES_MARK = Symbol.for("voltura.route.roles");
export type GuardedHandler = ((req: AuthenticatedMedusaRequest, res: MedusaResponse) => Promise<void>) & {
  [ROLES_MARK]: readonly AnyRole[];
};

/**
 * Wraps a route handler with the role check. Every Voltura route is declared through this, so a
 * route cannot exist without a role list (a contract test checks every route file). The wrapper's
 * name marks it as a Voltura endpoint in the live router (see admin-routes.ts).
 */
export function staffRoute<Body = unknown>(roles: readonly AnyRole[], handler: Handler<Body>): GuardedHandler {
  const guarded = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const verdict = await actorVerdictFor(req);
    if (!verdict.ok) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Sign in as a staff member to use this route (${verdict.refusal.message})`);
    }
    const { actor } = verdict;
    if (!roleAllowed(actor.role, roles)) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, `Your role (${actor.role}) may not do this. Allowed: ${roles.join(", ")}.`);
    }
    const staffReq = req as StaffRequest<Body>;
    staffReq.actor = actor;
    await handler(staffReq, res);
  };
  Object.defineProperty(guarded, "name", { value: STAFF_ROUTE_FN_NAME });
  return Object.assign(guarded, { [ROLES_MARK]: roles });
}

function refuse(res: MedusaResponse, refusal: Pick<ActorRefusal, "status" | "message"> & { type: string }): void {
  res.status(refusal.status).json({ type: refusal.type, message: refusal.message });
}

/**
 * Global middleware for /admin/*, deny by default:
 * - every caller is resolved to a Voltura actor, re-checked against the user record (a
 *   deactivated account or a changed role answers 401 at once);
 * - a Voltura route (declared with staffRoute) then checks its own roles;
 * - any other /admin route is Medusa's own and is refused (403) unless CORE_ROUTE_ALLOWLIST
 *   opens it for the caller's role — also when Medusa lets it through without a sign-in.
 */
export async function requireVolturaActor(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest;
  try {
    const target = adminRouteTarget(req);
    if (!req.auth_context?.actor_id) {
      // Medusa's authenticate answers 401 before us, except on routes that opt out of it.
      if (target.kind === "voltura") return next();
      return refuse(res, { status: 401, type: "unauthorized", message: "Sign in as a staff member to use this route" });
    }
    const verdict = await actorVerdictFor(req);
    if (!verdict.ok) return refuse(res, verdict.refusal);
    (req as StaffRequest).actor = verdict.actor;
    if (target.kind === "core") {
      const decision = coreRouteDecision(req.method, target.route, verdict.actor.role, req.query);
      if (!decision.allowed) return refuse(res, { status: 403, type: "not_allowed", message: decision.reason });
    }
    next();
  } catch (err) {
    next(err);
  }
}
