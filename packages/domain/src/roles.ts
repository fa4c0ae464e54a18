import { z } from "zod";

export const STAFF_ROLES = ["owner", "manager", "cashier", "technician"] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Non-human callers: the Temporal worker and add-ons with a Medusa secret API key. */
export const SERVICE_ROLES = ["system", "integration"] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];
export type AnyRole = StaffRole | ServiceRole;

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: "Owner",
  manager: "Manager",
  cashier: "Cashier",
  technician: "Technician",
};

/** True when `role` is one of `allowed`. Deny by default: an unknown or missing role is refused. */
export function roleAllowed(role: string | null | undefined, allowed: readonly AnyRole[]): boolean {
  return !!role && (allowed as readonly string[]).includes(role);
}

export const ALL_STAFF: readonly StaffRole[] = STAFF_ROLES;
export const MANAGERS: readonly StaffRole[] = ["owner", "manager"];
export const REPAIR_DESK: readonly StaffRole[] = ["owner", "manager", "cashier", "technician"];

export type StaffChangeCheck = { ok: true } | { ok: false; reason: string };

/**
 * Who may create or change staff accounts. A role changes only here, so this is owner-only:
 * creating staff, changing a role, renaming, deactivating or reactivating. Managers may still
 * list and read staff. Nobody demotes or deactivates themselves (so a shop can never lock out
 * its last owner by accident).
 */
export function checkStaffChange(input: {
  actorRole: AnyRole;
  actorId: string;
  targetId?: string;
  targetRole?: StaffRole | null;
  newRole?: StaffRole;
  deactivate?: boolean;
}): StaffChangeCheck {
  const { actorRole, actorId, targetId, targetRole, newRole, deactivate } = input;
  if (actorRole !== "owner") return { ok: false, reason: "Only an owner can create or change staff accounts" };
  if (targetId && targetId === actorId && (deactivate || (newRole && newRole !== targetRole))) {
    return { ok: false, reason: "You cannot change your own role or deactivate yourself" };
  }
  return { ok: true };
}
