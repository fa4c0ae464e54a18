// The hook handler (hooks/repair-job-created.ts) is loaded by Medusa itself; exporting it here would register it twice.
export * from "./create-crm-customer";
export * from "./update-crm-customer";
export * from "./add-customer-note";
export * from "./add-customer-device";
export * from "./merge-customers";
export * from "./merge-plan";
export * from "./steps/move-customer-records";
