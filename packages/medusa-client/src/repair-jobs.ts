import { z } from "zod";
import { deviceTypeSchema, prioritySchema, repairStatusSchema } from "@voltura/domain";

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
  status_history: z.array(statusHistoryEntrySchema).optional(),
});
export type RepairJob = z.infer<typeof repairJobSchema>;

export const repairJobListSchema = z.object({
  repair_jobs: z.array(repairJobSchema),
  count: z.number(),
  limit: z.number(),
  offset: z.number(),
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
});
export type CreateRepairJobBody = z.input<typeof createRepairJobBodySchema>;

export const changeStatusBodySchema = z.object({
  status: repairStatusSchema,
  note: z.string().trim().max(2000).optional(),
});
export type ChangeStatusBody = z.infer<typeof changeStatusBodySchema>;

export const listRepairJobsQuerySchema = z.object({
  status: repairStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListRepairJobsQuery = z.input<typeof listRepairJobsQuerySchema>;
