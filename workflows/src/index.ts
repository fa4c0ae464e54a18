// For clients (commerce, tests, the worker): message definitions and types. Workflow functions
// themselves are exported from ./workflows.js, which only the worker bundles.
export * from "./definitions.js";
export * from "./lifecycle-state.js";
export * from "./validation.js";
export type { ConciergeActivities, RepairFlowActivities, VolturaActivities, WhatsAppActivities } from "./activity-types.js";
export type { repairJobLifecycle } from "./repair-job-lifecycle.js";
export * from "./quote-confirmation-definitions.js";
export * from "./quote-confirmation-messages.js";
export * from "./pickup-reminders-definitions.js";
export * from "./pickup-reminders-schedule.js";
export { INVALID_FLOW_INPUT_FAILURE } from "./repair-flows-support.js";
export type * from "./activities/repair-flows.js";
export type { quoteConfirmation } from "./quote-confirmation.js";
export type { pickupReminders } from "./pickup-reminders.js";
export * from "./conversation-definitions.js";
export * from "./conversation-state.js";
export type * from "./activities/concierge.js";
export type { conversation } from "./conversation.js";
export * from "./activities/whatsapp.js";
export * from "./quotation-followup-definitions.js";
export type * from "./activities/invoicing.js";
export type { quotationFollowUp } from "./quotation-followup.js";
export * from "./integrity-definitions.js";
export type { integrityNightly } from "./integrity-nightly.js";
export * from "./campaign-definitions.js";
export type * from "./activities/campaigns.js";
export type { campaignRun } from "./campaign-run.js";
export type { campaignPacer } from "./campaign-pacer.js";
