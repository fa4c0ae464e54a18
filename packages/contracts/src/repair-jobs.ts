import { z } from "zod";
import { deviceTypeSchema, prioritySchema, repairStatusSchema } from "@voltura/domain";
import {
  repairDeskListFiltersSchema,
  repairIntakeFieldsSchema,
  repairJobEventSchema,
  repairJobPhotoSchema,
  repairJobSlaSchema,
} from "./repair-desk.js";
import { offsetListPageShape } from "./list-page.js";

export const statusHistoryEntrySchema = z.object({
  id: z.string(),
  from_status: repairStatusSchema.nullable(),
  to_status: repairStatusSchema,
  note: z.string().nullable(),
  changed_by: z.string(),
  changed_at: z.string(),
});

export const repairJobSchema = z.object({
  id: z.string(),
  job_number: z.string(),
  status: repairStatusSchema,
  device_type: deviceTypeSchema,
  brand: z.string(),
  model: z.string(),
  issue: z.string(),
  priority: prioritySchema,
  customer_id: z.string().nullable(),
  customer_name: z.string(),
  customer_phone: z.string(),
  workflow_id: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  // Intake and desk fields.
  imei_serial: z.string().nullable(),
  colour: z.string().nullable(),
  accessories: z.array(z.string()),
  condition_notes: z.string().nullable(),
  deposit_sen: z.number(),
  technician_id: z.string().nullable(),
  technician_name: z.string().nullable(),
  received_at: z.string(),
  /** Base due time (received_at + sla_hours[priority]); `sla.due_at` adds the pauses. */
  sla_due_at: z.string(),
  eta: z.string().nullable(),
  diagnosis: z.string().nullable(),
  completed_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  /** For the customer's tracking link (/track/<token>); staff only. */
  tracking_token: z.string(),
  sla: repairJobSlaSchema,
  status_history: z.array(statusHistoryEntrySchema).optional(),
  /** Job detail only: assignments, priority / ETA / diagnosis changes and notes, oldest first. */
  events: z.array(repairJobEventSchema).optional(),
  /** Job detail only, oldest first. */
  photos: z.array(repairJobPhotoSchema).optional(),
});
export type RepairJob = z.infer<typeof repairJobSchema>;

export const repairJobListSchema = z.object({
  repair_jobs: z.array(repairJobSchema),
  ...offsetListPageShape,
});
export type RepairJobList = z.infer<typeof repairJobListSchema>;

/** The body of POST /admin/repair-jobs. */
export const createRepairJobBodySchema = z.object({
  customer: z.object({
    name: z.string().trim().min(1, "Customer name is required").max(120),
    phone: z.string().trim().min(1, "Phone number is required").max(32),
  }),
  device_type: deviceTypeSchema,
  brand: z.string().trim().min(1, "Brand is required").max(60),
  model: z.string().trim().min(1, "Model is required").max(80),
  issue: z.string().trim().min(3, "Describe the issue (at least 3 characters)").max(2000),
  priority: prioritySchema.default("normal"),
  ...repairIntakeFieldsSchema.shape,
  /** Made once per intake form and sent again on a retry: a replay never opens a second job. */
  idempotency_key: z.string().trim().min(8, "idempotency_key must have at least 8 characters").max(120).optional(),
});
export type CreateRepairJobBody = z.input<typeof createRepairJobBodySchema>;

export const changeStatusBodySchema = z.object({
  status: repairStatusSchema,
  note: z.string().trim().max(2000).optional(),
});
export type ChangeStatusBody = z.infer<typeof changeStatusBodySchema>;

/** List orders of GET /admin/repair-jobs ("-" = newest / latest first); each has its index. */
export const REPAIR_JOB_LIST_SORTS = ["-created_at", "created_at", "-received_at", "received_at", "-sla_due_at", "sla_due_at"] as const;
export const repairJobListSortSchema = z.enum(REPAIR_JOB_LIST_SORTS);
export type RepairJobListSort = z.infer<typeof repairJobListSortSchema>;

export const listRepairJobsQuerySchema = z.object({
  status: repairStatusSchema.optional(),
  /** Job number (dashes optional), phone digits in any format, IMEI / serial, name, brand / model. */
  q: z.string().trim().max(100).optional(),
  sort: repairJobListSortSchema.default("-created_at"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  ...repairDeskListFiltersSchema.shape,
});
export type ListRepairJobsQuery = z.input<typeof listRepairJobsQuerySchema>;

/** GET /admin/repair-jobs/board: one column per open status, plus the last finished jobs. */
export const repairJobBoardSchema = z.object({
  columns: z.array(z.object({ status: repairStatusSchema, label: z.string(), count: z.number(), repair_jobs: z.array(repairJobSchema) })),
  finished: z.array(repairJobSchema),
});
export type RepairJobBoard = z.infer<typeof repairJobBoardSchema>;

/** GET /admin/repair-jobs/sla-breaches: open jobs past due, the 100 most overdue first; `count` is all of them. */
export const slaBreachListSchema = z.object({ repair_jobs: z.array(repairJobSchema), count: z.number() });
export type SlaBreachList = z.infer<typeof slaBreachListSchema>;
