import { type CredentialsVerdict } from "@voltura/contracts";
import { checkStaffCredentials, CommerceClient, CommerceError, type Actor } from "@voltura/medusa-client";
import { getEnv } from "./env";
import { isMaintenanceRefusal, maintenanceRefusalMessage } from "../operations/format";
import type { SessionStaff } from "./session-store";

/** The console's own identity, for look-ups made before a staff member is known. */
export const SYSTEM_ACTOR: Actor = { id: "system:console", role: "system" };

/** A commerce client that mints short-lived HS256 tokens for `actor` (server side only). */
export function commerceAs(actor: Actor, clientIp?: string): CommerceClient {
  const env = getEnv();
  return new CommerceClient({ baseUrl: env.MEDUSA_URL, jwtSecret: env.JWT_SECRET, actor, clientIp });
}

/** The staff member's client; `clientIp` (the browser's address) reaches commerce's limits and audit rows. */
export function commerceForStaff(staff: SessionStaff, clientIp?: string): CommerceClient {
  return commerceAs({ id: staff.id, role: staff.role, name: staff.name }, clientIp);
}

/**
 * Checks an email + password through the commerce core's staff credentials check (as the system
 * actor), which applies the per-account and per-IP limits and answers the same "wrong" for a
 * wrong password, an unknown email and a deactivated account. `ip` is the browser's address.
 * Throws CommerceError(503) when commerce is unreachable.
 */
export function verifyStaffPassword(
  email: string,
  password: string,
  ip: string,
  client: CommerceClient = commerceAs(SYSTEM_ACTOR),
): Promise<CredentialsVerdict> {
  return checkStaffCredentials(client, { email, password, ip, purpose: "signin" });
}

/** A friendly sentence for a commerce failure shown to staff. */
export function commerceProblem(err: unknown): { status: number; message: string } {
  if (err instanceof CommerceError) {
    // Maintenance mode (a restore is running): every write is refused with 503 `maintenance_mode`.
    if (isMaintenanceRefusal(err.status, err.type, err.body)) return { status: 503, message: maintenanceRefusalMessage() };
    if (err.status === 503 || err.status === 502) {
      return { status: 503, message: "The commerce core is not reachable right now. Try again in a moment." };
    }
    return { status: err.status, message: err.message };
  }
  // A reply we could not read (not JSON, or not the expected shape): log it, tell staff plainly.
  console.error("[console] unexpected commerce reply:", err);
  return { status: 502, message: "The commerce core gave an unexpected answer. Try again, or tell the shop owner." };
}
