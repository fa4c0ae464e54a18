import { model } from "@medusajs/framework/utils";
import { DEVICE_TYPES, PRIORITIES, REPAIR_STATUSES } from "@voltura/domain";
import { RepairJobEvent } from "./repair-job-event";
import { RepairJobPhoto } from "./repair-job-photo";
import { RepairJobStatusChange } from "./repair-job-status-change";

export const RepairJob = model
  .define("repair_job", {
    id: model.id({ prefix: "rjob" }).primaryKey(),
    job_number: model.text().unique(),
    status: model.enum([...REPAIR_STATUSES]).default("pending"),
    device_type: model.enum([...DEVICE_TYPES]),
    brand: model.text().searchable(),
    model: model.text().searchable(),
    issue: model.text(),
    priority: model.enum([...PRIORITIES]).default("normal"),
    // What the slip says at intake; the customer record itself is reached through the link.
    customer_name: model.text().searchable(),
    customer_phone: model.text(),
    workflow_id: model.text().nullable(),
    created_by: model.text(),
    // Intake: the device as it came in (IMEI normalised: letters and digits, uppercase).
    imei_serial: model.text().nullable(),
    colour: model.text().nullable(),
    accessories: model.json<string[]>().default([]),
    condition_notes: model.text().nullable(),
    deposit_sen: model.number().default(0),
    // Who works on it (a user with the technician role; the name as it was when assigned).
    technician_id: model.text().nullable(),
    technician_name: model.text().nullable(),
    diagnosis: model.text().nullable(),
    // Time: the SLA clock (see @voltura/domain repair-sla.ts) and what the customer was told.
    received_at: model.dateTime(),
    sla_due_at: model.dateTime(),
    /** Whole seconds the clock has stood still in finished pauses (an int4 of ms would overflow at 24 days). */
    sla_paused_seconds: model.number().default(0),
    sla_paused_since: model.dateTime().nullable(),
    eta: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    /** The customer's tracking link: 256 random bits, base64url. */
    tracking_token: model.text().unique(),
    /** The intake's idempotency key (unique while the job lives) and a fingerprint of its body. */
    idempotency_key: model.text().nullable(),
    request_hash: model.text().nullable(),
    /**
     * What is still due outside the database after a committed write (CRM intake, Temporal start /
     * signal, pickup flow, invoice order, events), in order; `lease_until` is how long whoever works on them holds them.
     */
    outbox: model.json<unknown[]>().default([]),
    lease_until: model.dateTime().nullable(),
    status_changes: model.hasMany(() => RepairJobStatusChange, { mappedBy: "repair_job" }),
    events: model.hasMany(() => RepairJobEvent, { mappedBy: "repair_job" }),
    photos: model.hasMany(() => RepairJobPhoto, { mappedBy: "repair_job" }),
  })
  .indexes([
    { on: ["status"] },
    { on: ["customer_phone"] },
    { on: ["imei_serial"] },
    { on: ["technician_id"] },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ]);
