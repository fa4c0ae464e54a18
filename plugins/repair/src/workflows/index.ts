export * from "./create-repair-job";
export * from "./change-repair-job-status";
export type { RepairJobRecord, StatusChangeRecord } from "./types";
