import type { CommerceClient } from "@voltura/medusa-client";
import type { VolturaActivities } from "@voltura/workflows";
import { createConciergeActivities } from "./concierge.js";
import { createRepairFlowActivities } from "./repair-flows.js";
import { createWhatsAppActivities } from "./whatsapp.js";
import { createInvoicingActivities } from "./invoicing.js";
import { createIntegrityActivities } from "./integrity.js";
import { createCampaignActivities } from "./campaigns.js";

/** What activities may use. Built once in main.ts; tests pass their own. */
export interface ActivityDeps {
  commerce: CommerceClient;
}

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
  };
}
