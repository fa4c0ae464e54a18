import type { AnyRole } from "@voltura/domain";

/** Who plans campaigns: owners and managers. Cashiers and technicians have no campaign routes. */
export const CAMPAIGN_MANAGERS: readonly AnyRole[] = ["owner", "manager"];
/** Reads also serve the Temporal worker (system). */
export const CAMPAIGN_READERS: readonly AnyRole[] = ["owner", "manager", "system"];
