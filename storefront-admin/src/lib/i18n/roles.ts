import type { StaffRole } from "@voltura/domain";
import { m } from "$lib/paraglide/messages.js";

/** A role's name in the staff member's language (by code: never trust an English label from the API). */
export function roleLabel(role: StaffRole): string {
  switch (role) {
    case "owner":
      return m.shell_role_owner();
    case "manager":
      return m.shell_role_manager();
    case "technician":
      return m.shell_role_technician();
    case "cashier":
      return m.shell_role_cashier();
  }
}
