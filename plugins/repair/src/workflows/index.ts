export * from "./create-repair-job";
export * from "./change-repair-job-status";
export type { RepairJobRecord, StatusChangeRecord } from "../modules/repair/types";
export * from "./add-repair-line";
export * from "./remove-repair-line";
export * from "./send-repair-quote";
export * from "./decide-repair-quote";
export * from "./record-repair-pickup";
export * from "./void-repair-warranty";
export * from "./claim-repair-warranty";
export * from "./update-repair-job";
export * from "./add-repair-job-photos";
export * from "./remove-repair-job-photo";
export * from "./stop-pickup-reminders";
// Crash-safe writes: the one-transaction commits, the outbox runner and its recovery (specs, chaos, seed).
export { commitRepairIntake, intakeRequestHash, type RepairIntake } from "./steps/intake-commit";
export { commitRepairStatusChange, type StatusChangeInput } from "./steps/status-commit";
export { recoverRepairJobs, finishRepairJob, type RepairRecoveryReport } from "./steps/recovery";
