import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { MANAGERS, roleAllowed } from "@voltura/domain";
import type { VolturaActor } from "@voltura/medusa-kit";

/** Who approved a discount above the limit or a stock override, and how. */
export interface Approver {
  id: string;
  name: string;
  method: "session" | "credentials";
}

/**
 * The manager approving at this till. A manager or owner signed in at the till approves with their
 * own session. A cashier's till needs a manager's email and password typed in: they are checked by
 * Medusa's emailpass provider (the same check as sign-in), the user must be an active manager or
 * owner, and they are never stored or passed on. Wrong credentials are a 401, not a silent refusal.
 */
export async function resolveApprover(
  container: MedusaContainer,
  actor: VolturaActor,
  credentials: { email: string; password: string } | undefined,
): Promise<Approver | null> {
  if (roleAllowed(actor.role, MANAGERS)) return { id: actor.id, name: actor.name, method: "session" };
  if (!credentials) return null;
  const auth = container.resolve(Modules.AUTH);
  const result = await auth.authenticate("emailpass", { body: { email: credentials.email, password: credentials.password } });
  const userId = result.success ? (result.authIdentity?.app_metadata?.user_id as string | undefined) : undefined;
  if (!userId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "manager_approval: the email or password is wrong");
  const user = await container.resolve(Modules.USER).retrieveUser(userId);
  const role = user.metadata?.role;
  if (typeof role !== "string" || !roleAllowed(role, MANAGERS) || user.metadata?.active === false) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "manager_approval: only an active manager or owner can approve");
  }
  return { id: user.id, name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email, method: "credentials" };
}
