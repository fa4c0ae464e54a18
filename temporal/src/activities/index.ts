import type { CommerceClient } from "@voltura/medusa-client";
import type { VolturaActivities } from "@voltura/workflows";
import { createConciergeActivities } from "./concierge.js";
import { createRepairFlowActivities } from "./repair-flows.js";
import { createWhatsAppActivities } from "./whatsapp.js";
import { createInvoicingActivities } from "./invoicing.js";
import { createIntegrityActivities } from "./integrity.js";
import { createCampaignActivities } from "./campaigns.js";
import { createOperationsActivities } from "./operations.js";
import type { OperationsDeps } from "./operations-support.js";

/** What activities may use. Built once in main.ts; tests pass their own. */
export interface ActivityDeps {
  commerce: CommerceClient;
  /** Backups, restores and optimisation; without it (tests of other domains) those activities fail as not configured. */
  operations?: OperationsDeps;
}

const OPERATIONS_NOT_CONFIGURED: OperationsDeps = {
  dbOps: { error: "this worker was started without the operations configuration" },
  schedules: { describe: async () => null, pause: async () => undefined, unpause: async () => undefined, align: async () => [] },
  bloatThreshold: 0.3,
};

/**
 * The activities the worker registers: one factory per domain, each closing over `deps`. The
 * return type keeps this object in step with what the workflows expect.
 */
export function createActivities(deps: ActivityDeps): VolturaActivities {
  return {
    ...createWhatsAppActivities(deps),
    ...createConciergeActivities(deps),
    ...createRepairFlowActivities(deps),
    ...createInvoicingActivities(deps),
    ...createIntegrityActivities(deps),
    ...createCampaignActivities(deps),
    ...createOperationsActivities(deps.commerce, deps.operations ?? OPERATIONS_NOT_CONFIGURED),
  };
}
