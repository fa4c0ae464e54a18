import { error, redirect } from "@sveltejs/kit";
import { roleAllowed, type StaffRole } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";
import { roleLabel } from "$lib/i18n/roles";
import { m } from "$lib/paraglide/messages.js";
import type { SessionStaff } from "./session-store";

/** In the request's language (read when thrown, inside the request). */
export const forbiddenMessage = (): string => m.auth_forbidden();
export const notStaffMessage = (): string => m.auth_not_staff();

export function forbidden(role: StaffRole | null): never {
  error(403, role ? { message: forbiddenMessage(), role: roleLabel(role) } : { message: forbiddenMessage() });
}

/**
 * Every server load, form action and endpoint calls this again, whatever the hook decided:
 * signed out → /login, wrong role → 403 page naming the role.
 */
export function requireRole(
  locals: App.Locals,
  roles: readonly StaffRole[],
): { staff: SessionStaff; commerce: CommerceClient } {
  if (locals.denied === "not-staff") error(403, { message: notStaffMessage() });
  if (!locals.staff || !locals.commerce) redirect(303, "/login");
  if (!roleAllowed(locals.staff.role, roles)) forbidden(locals.staff.role);
  return { staff: locals.staff, commerce: locals.commerce };
}
