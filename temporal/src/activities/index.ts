import type { CommerceClient } from "@voltura/medusa-client";
import type { VolturaActivities } from "@voltura/workflows";

/** What activities may use. Built once in main.ts; tests pass their own. */
export interface ActivityDeps {
  commerce: CommerceClient;
}

/**
 * The activities the worker registers. None yet: the repair lifecycle workflow only holds state.
 * Later activities close over `deps` here, and the return type keeps this object in step with
 * what the workflows expect.
 */
export function createActivities(_deps: ActivityDeps): VolturaActivities {
  return {};
}
