import jwt from "jsonwebtoken";
import type { AnyRole } from "@voltura/domain";

/**
 * A Medusa bearer token for a staff member or a service, signed with the commerce core's
 * JWT_SECRET. Medusa's own `authenticate` middleware accepts it; the Voltura plugins read the
 * role from `app_metadata.voltura_role`. Minted server side per call, never sent to a browser.
 */
export interface Actor {
  /** Medusa user id for staff; a fixed id such as "system:temporal-worker" for services. */
  id: string;
  role: AnyRole;
  name?: string;
}

export async function mintMedusaToken(actor: Actor, jwtSecret: string, ttlSeconds = 300): Promise<string> {
  if (jwtSecret.length < 16) throw new Error("JWT_SECRET must be at least 16 characters");
  const payload = {
    actor_id: actor.id,
    actor_type: "user",
    auth_identity_id: "",
    app_metadata: { user_id: actor.id, voltura_role: actor.role, voltura_name: actor.name ?? null },
    user_metadata: {},
  };
  return jwt.sign(payload, jwtSecret, { algorithm: "HS256", expiresIn: ttlSeconds });
}

export async function readMedusaToken(token: string, jwtSecret: string): Promise<Actor & { exp: number }> {
  const payload = jwt.verify(token, jwtSecret, { algorithms: ["HS256"] }) as jwt.JwtPayload;
  const meta = payload.app_metadata as { voltura_role?: AnyRole; voltura_name?: string } | undefined;
  return { id: String(payload.actor_id), role: meta?.voltura_role as AnyRole, name: meta?.voltura_name, exp: payload.exp ?? 0 };
}
