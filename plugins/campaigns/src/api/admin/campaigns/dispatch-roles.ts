import { ALL_STAFF, MANAGERS } from "@voltura/domain";

/** The Temporal worker's pacer: the gate and its records. */
export const DISPATCHER = ["system"] as const;
/** Senders, settings, analytics and exports. */
export const CAMPAIGN_MANAGERS = MANAGERS;
/** Anyone on staff may press the emergency stop (and see it); releasing it needs a manager. */
export const STOP_PRESSERS = ALL_STAFF;
export const STOP_READERS = [...ALL_STAFF, "system"] as const;
