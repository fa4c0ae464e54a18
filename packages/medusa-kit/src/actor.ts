import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http";
import { Modules } from "@medusajs/framework/utils";
import { SERVICE_ROLES, STAFF_ROLES, type AnyRole } from "@voltura/domain";

const KNOWN_ROLES: readonly string[] = [...STAFF_ROLES, ...SERVICE_ROLES];

export interface VolturaActor {
  id: string;
  role: AnyRole;
  name: string;
  /** "token" when the role came signed in the bearer token, "user" when read from the user record. */
  source: "token" | "user" | "api-key";
}

function asRole(value: unknown): AnyRole | null {
  return typeof value === "string" && KNOWN_ROLES.includes(value) ? (value as AnyRole) : null;
}

/**
 * Who is calling, with their role. Tokens minted by the console and the worker carry the role
 * signed with JWT_SECRET; tokens from Medusa's own login do not, so the role is read from the
 * user record. A secret API key is an add-on integration. Anything else has no role.
 */
export async function resolveActor(req: AuthenticatedMedusaRequest): Promise<VolturaActor | null> {
  const ctx = req.auth_context;
  if (!ctx?.actor_id) return null;
  if (ctx.actor_type === "api-key") return { id: ctx.actor_id, role: "integration", name: "API key", source: "api-key" };
  if (ctx.actor_type !== "user") return null;
  const meta = (ctx.app_metadata ?? {}) as Record<string, unknown>;
  const signedRole = asRole(meta.voltura_role);
  if (signedRole) {
    const name = typeof meta.voltura_name === "string" ? meta.voltura_name : ctx.actor_id;
    return { id: ctx.actor_id, role: signedRole, name, source: "token" };
  }
  try {
    const users = req.scope.resolve(Modules.USER);
    const user = await users.retrieveUser(ctx.actor_id);
    const role = asRole(user.metadata?.role);
    if (!role || user.metadata?.active === false) return null;
    const name = [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email;
    return { id: user.id, role, name, source: "user" };
  } catch {
    return null;
  }
}
