/**
 * The activities the worker registers, as the workflows see them (types only: activity code never
 * enters the workflow bundle). One interface per domain, in ./activities/; the worker's
 * `createActivities` must return their intersection, so the two sides cannot drift apart.
 */
import type { ConciergeActivities } from "./activities/concierge.js";
import type { RepairFlowActivities } from "./activities/repair-flows.js";
import type { WhatsAppActivities } from "./activities/whatsapp.js";
import type { InvoicingActivities } from "./activities/invoicing.js";
import type { IntegrityActivities } from "./integrity-definitions.js";
import type { CampaignActivities } from "./activities/campaigns.js";
import type { OperationsActivities } from "./operations-definitions.js";

export type { CampaignActivities, ConciergeActivities, IntegrityActivities, InvoicingActivities, OperationsActivities, RepairFlowActivities, WhatsAppActivities };
export type VolturaActivities = WhatsAppActivities & ConciergeActivities & RepairFlowActivities & InvoicingActivities & IntegrityActivities & CampaignActivities & OperationsActivities;
