import type { MedusaRequest } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { MANAGERS, roleAllowed } from "@voltura/domain";
import { clientIpOf, type VolturaActor } from "@voltura/medusa-kit";
import { checkStaffCredentials, tooManyAttemptsError } from "@voltura/plugin-platform/modules/staff-guard/check-credentials";

/** Who approved a discount above the limit or a stock override, and how. */
export interface Approver {
  id: string;
  name: string;
  method: "session" | "credentials";
}

/**
 * The manager approving at this till. A manager or owner signed in at the till approves with their
 * own session. A cashier's till needs a manager's email and password typed in: they go through
 * the platform's staff credentials check (the same limits as sign-in, per account and per IP of
 * the till, audited as pos.approval_failed), the user must be an active manager or owner, and the
 * credentials are never stored or passed on. Wrong credentials are a 401, too many tries a 429.
 */
export async function resolveApprover(
  req: MedusaRequest,
  actor: VolturaActor,
  credentials: { email: string; password: string } | undefined,
): Promise<Approver | null> {
  if (roleAllowed(actor.role, MANAGERS)) return { id: actor.id, name: actor.name, method: "session" };
  if (!credentials) return null;
  const result = await checkStaffCredentials(req, {
    email: credentials.email, password: credentials.password, ip: clientIpOf(req) ?? "unknown", purpose: "approval", channel: "pos",
  });
  if (!result.ok && result.reason === "limited") throw tooManyAttemptsError(result.retry_after_seconds, "manager_approval: ");
  if (!result.ok) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "manager_approval: the email or password is wrong");
  if (!roleAllowed(result.staff.role, MANAGERS)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "manager_approval: only an active manager or owner can approve");
  }
  return { id: result.user.id, name: result.staff.name, method: "credentials" };
}
