// The module the worker bundles: every workflow function, and nothing else.
export * from "./repair-job-lifecycle.js";
export * from "./quote-confirmation.js";
export * from "./pickup-reminders.js";
export * from "./conversation.js";
export * from "./quotation-followup.js";
export * from "./integrity-nightly.js";
export * from "./campaign-run.js";
export * from "./campaign-pacer.js";
export * from "./run-backup.js";
export * from "./verify-backup.js";
export * from "./restore-backup.js";
export * from "./backup-freshness-check.js";
export * from "./optimise-database.js";
export * from "./audit-chain-check.js";
export * from "./archive-run.js";
