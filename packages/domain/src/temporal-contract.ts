import { z } from "zod";
import { repairStatusSchema } from "./repair-status.js";

/** Names shared by whoever starts or signals workflows (commerce) and the worker. */
export const TASK_QUEUES = { repair: "voltura-repair" } as const;

export const REPAIR_LIFECYCLE = {
  workflowType: "repairJobLifecycle",
  signal: "statusChanged",
  query: "history",
  workflowId: (jobNumber: string) => `job-${jobNumber}`,
} as const;

export const statusChangeSchema = z.object({
  from: repairStatusSchema.nullable(),
  to: repairStatusSchema,
  note: z.string().max(2000).nullable().default(null),
  changedBy: z.string().min(1),
  changedAt: z.string().datetime(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const repairLifecycleInputSchema = z.object({
  jobId: z.string().min(1),
  jobNumber: z.string().min(1),
  initial: statusChangeSchema,
});
export type RepairLifecycleInput = z.infer<typeof repairLifecycleInputSchema>;
