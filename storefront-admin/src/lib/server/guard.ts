import { error, redirect } from "@sveltejs/kit";
import { ROLE_LABELS, roleAllowed, type StaffRole } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";
import type { SessionStaff } from "./session-store";

export const FORBIDDEN_MESSAGE = "You don't have access to this page";
export const NOT_STAFF_MESSAGE = "You are signed in, but not a staff member of this shop";

export function forbidden(role: StaffRole | null): never {
  error(403, role ? { message: FORBIDDEN_MESSAGE, role: ROLE_LABELS[role] } : { message: FORBIDDEN_MESSAGE });
}

/**
 * Every server load, form action and endpoint calls this again, whatever the hook decided:
 * signed out → /login, wrong role → 403 page naming the role.
 */
export function requireRole(
  locals: App.Locals,
  roles: readonly StaffRole[],
): { staff: SessionStaff; commerce: CommerceClient } {
  if (locals.denied === "not-staff") error(403, { message: NOT_STAFF_MESSAGE });
  if (!locals.staff || !locals.commerce) redirect(303, "/login");
  if (!roleAllowed(locals.staff.role, roles)) forbidden(locals.staff.role);
  return { staff: locals.staff, commerce: locals.commerce };
}
