import { z } from "zod";
import { repairStatusSchema } from "@voltura/domain";

/** At most this many jobs in one bulk action (a list page's selection). */
export const REPAIR_BULK_MAX_JOBS = 100;

/** POST /admin/repair-jobs/bulk: one action on many jobs, each through its normal rules. */
export const bulkRepairJobsBodySchema = z
  .object({
    action: z.enum(["status", "assign"]),
    ids: z
      .array(z.string().trim().min(1).max(100))
      .min(1, "ids: select at least one job")
      .max(REPAIR_BULK_MAX_JOBS)
      .refine((ids) => new Set(ids).size === ids.length, "ids must not repeat a job"),
    status: repairStatusSchema.optional(),
    /** A technician's user id, or null to unassign. */
    technician_id: z.string().trim().min(1).max(100).nullable().optional(),
    note: z.string().trim().max(2000).optional(),
    /** One per submitted selection: a retry answers the first run's results. */
    idempotency_key: z.string().trim().min(8, "idempotency_key must have at least 8 characters").max(120),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.action === "status" && !body.status) ctx.addIssue({ code: "custom", path: ["status"], message: "status is required for action status" });
    if (body.action === "assign" && body.technician_id === undefined) {
      ctx.addIssue({ code: "custom", path: ["technician_id"], message: "technician_id is required for action assign (null unassigns)" });
    }
  });
export type BulkRepairJobsBody = z.input<typeof bulkRepairJobsBodySchema>;

export const bulkRepairJobResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  job_number: z.string().nullable(),
  /** The job's status after the action (ok) or as it stands (refused). */
  status: repairStatusSchema.nullable(),
  /** Why this job was refused: `invalid_transition`, `not_found`, `invalid_data`, … */
  error: z.object({ type: z.string(), message: z.string() }).nullable(),
});
export type BulkRepairJobResult = z.infer<typeof bulkRepairJobResultSchema>;

export const bulkRepairJobsAnswerSchema = z.object({
  action: z.enum(["status", "assign"]),
  results: z.array(bulkRepairJobResultSchema),
  succeeded: z.number(),
  failed: z.number(),
  /** True when the key was seen before: the first run's results. */
  replayed: z.boolean(),
});
export type BulkRepairJobsAnswer = z.infer<typeof bulkRepairJobsAnswerSchema>;
