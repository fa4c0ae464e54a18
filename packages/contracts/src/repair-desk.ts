import { z } from "zod";
import {
  accessoriesSchema,
  deviceTypeSchema,
  intakeImeiSerialSchema,
  photoTagSchema,
  prioritySchema,
  repairJobEventKindSchema,
  repairStatusSchema,
} from "@voltura/domain";

// The repair desk's additions to the job (intake fields, updates, SLA, timeline, photos, board,
// public tracking). The job shape itself is in repair-jobs.ts, which builds on these.

/** An ISO 8601 instant with a zone ("2026-11-24T10:00:00+08:00" or "…Z"). */
export const instantSchema = z.iso.datetime({ offset: true, message: "must be an ISO date-time with a time zone" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

/** Extra intake fields of POST /admin/repair-jobs (all optional: older clients keep working). */
export const repairIntakeFieldsSchema = z.object({
  /** Letters and digits; 15 digits must be a valid IMEI (Luhn). Blank means none. */
  imei_serial: intakeImeiSerialSchema.optional(),
  colour: optionalText(40).optional(),
  accessories: accessoriesSchema.default([]),
  condition_notes: optionalText(2000).optional(),
  /** Deposit taken at the counter, in sen. */
  deposit_sen: z.number().int("must be a whole number of sen").min(0, "must not be negative").max(10_000_000).default(0),
  /** A staff member with the technician role. */
  technician_id: z.string().trim().min(1).nullable().optional(),
  eta: instantSchema.nullable().optional(),
});

/** The SLA of a job, computed when it is read (see @voltura/domain repair-sla.ts for the clock rules). */
export const repairJobSlaSchema = z.object({
  due_at: z.string(),
  remaining_ms: z.number(),
  breached: z.boolean(),
  state: z.enum(["running", "paused", "stopped"]),
});
export type RepairJobSla = z.infer<typeof repairJobSlaSchema>;

export const repairJobEventSchema = z.object({
  id: z.string(),
  kind: repairJobEventKindSchema,
  detail: z.record(z.string(), z.unknown()),
  actor: z.string(),
  actor_id: z.string().nullable(),
  at: z.string(),
});
export type RepairJobEvent = z.infer<typeof repairJobEventSchema>;

export const repairJobPhotoSchema = z.object({
  id: z.string(),
  file_id: z.string(),
  url: z.string(),
  tag: photoTagSchema,
  caption: z.string().nullable(),
  mime_type: z.string(),
  size_bytes: z.number(),
  taken_by: z.string(),
  taken_by_id: z.string().nullable(),
  created_at: z.string(),
});
export type RepairJobPhoto = z.infer<typeof repairJobPhotoSchema>;

/** The body of POST /admin/repair-jobs/:id. Only what is sent changes; `note` adds a line to the timeline. */
export const updateRepairJobBodySchema = z
  .object({
    priority: prioritySchema.optional(),
    eta: instantSchema.nullable().optional(),
    /** Technicians, managers and owners only. */
    diagnosis: optionalText(4000).optional(),
    technician_id: z.string().trim().min(1).nullable().optional(),
    accessories: accessoriesSchema.optional(),
    condition_notes: optionalText(2000).optional(),
    note: z.string().trim().min(1, "must not be empty").max(2000).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Send at least one field to change" });
export type UpdateRepairJobBody = z.input<typeof updateRepairJobBodySchema>;
export type UpdateRepairJobInput = z.output<typeof updateRepairJobBodySchema>;

/** The body of POST /admin/repair-jobs/:id/assign: a technician's user id, or null to unassign. */
export const assignTechnicianBodySchema = z.object({ technician_id: z.string().trim().min(1).nullable() });
export type AssignTechnicianBody = z.infer<typeof assignTechnicianBodySchema>;

/** The text fields of POST /admin/repair-jobs/:id/photos (multipart; the images go in `files`). */
export const uploadPhotosFieldsSchema = z.object({
  tag: photoTagSchema,
  caption: optionalText(300).optional(),
});
export type UploadPhotosFields = z.input<typeof uploadPhotosFieldsSchema>;

export const repairJobPhotosAnswerSchema = z.object({ photos: z.array(repairJobPhotoSchema) });
export const deletedPhotoAnswerSchema = z.object({ id: z.string(), object: z.literal("repair_job_photo"), deleted: z.literal(true) });

const queryFlag = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);
/** Filters GET /admin/repair-jobs adds to status / q (see listRepairJobsQuerySchema). */
export const repairDeskListFiltersSchema = z.object({
  technician_id: z.string().trim().min(1).optional(),
  /** Jobs assigned to the caller. */
  mine: queryFlag.optional(),
  priority: prioritySchema.optional(),
  /** Only jobs past their SLA (any status: a late delivery stays late). */
  breached: queryFlag.optional(),
  device_type: deviceTypeSchema.optional(),
});

/** GET /public/track/:token — exactly this, nothing more (no phone, no surname, no issue). */
export const publicTrackingSchema = z
  .object({
    job_number: z.string(),
    status: repairStatusSchema,
    status_label: z.string(),
    eta: z.string().nullable(),
    updated_at: z.string(),
    brand: z.string(),
    model: z.string(),
    customer_first_name: z.string(),
  })
  .strict();
export type PublicTracking = z.infer<typeof publicTrackingSchema>;
export const publicTrackingAnswerSchema = z.object({ tracking: publicTrackingSchema }).strict();
