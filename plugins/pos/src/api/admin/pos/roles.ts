import type { AnyRole } from "@voltura/domain";

/** Who sells at the counter. Technicians take repair payments at pickup, not counter sales. */
export const POS_STAFF: readonly AnyRole[] = ["owner", "manager", "cashier"];
/** Who may read sales: counter staff, and the system/integration callers (reports, MyInvois, tests). */
export const POS_READERS: readonly AnyRole[] = [...POS_STAFF, "system", "integration"];
export const POS_MANAGERS: readonly AnyRole[] = ["owner", "manager"];
