// For clients (commerce, tests, the worker): message definitions and types. Workflow functions
// themselves are exported from ./workflows.js, which only the worker bundles.
export * from "./definitions.js";
export * from "./lifecycle-state.js";
export * from "./validation.js";
export type { ConciergeActivities, RepairFlowActivities, VolturaActivities, WhatsAppActivities } from "./activity-types.js";
export type { repairJobLifecycle } from "./repair-job-lifecycle.js";
