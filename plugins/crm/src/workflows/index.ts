// The hook handler (hooks/repair-job-created.ts) is loaded by Medusa itself; exporting it here would register it twice.
export * from "./create-crm-customer";
export * from "./update-crm-customer";
export * from "./save-customer-profile";
export * from "./add-customer-note";
export * from "./add-customer-device";
export * from "./record-intake-device";
export * from "../domain/merge-plan";
export * from "./steps/merge-customers";
export * from "./steps/move-customer-records";
