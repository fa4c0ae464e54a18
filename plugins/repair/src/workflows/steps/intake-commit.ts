import { createHash, randomBytes } from "node:crypto";
import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import {
  formatJobNumber, REPAIR_LIFECYCLE, shopYear, slaDueAt, TRACKING_TOKEN_BYTES, trackingTokenFromBytes, type DeviceType, type Priority,
} from "@voltura/domain";
import { loadShopSettings, rows, sqlConnection, type SqlTransaction } from "@voltura/medusa-kit";
import { takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import type { Technician } from "./job-context";
import { JOB_LEASE_MS, type JobEffect } from "../../domain/job-outbox";

export const REPAIR_JOB_CREATED = "repair_job.created";
const CUSTOMER_CREATED = "customer.created";
const JOB_PREFIX = "VSH";
const RECEIVED_NOTE = "Job received at the counter";

/** An intake as the route (or another workflow) hands it over; the phone is already E.164. */
export interface RepairIntake {
  customer: { name: string; phone: string };
  device_type: DeviceType;
  brand: string;
  model: string;
  issue: string;
  priority: Priority;
  created_by: string;
  /** The user id behind created_by, for the job's timeline. */
  created_by_id?: string | null;
  imei_serial?: string | null;
  colour?: string | null;
  accessories?: string[];
  condition_notes?: string | null;
  deposit_sen?: number;
  /** Must be an active user with the technician role (checked before the commit). */
  technician_id?: string | null;
  eta?: string | Date | null;
  /** Sent again on a retry: the same job is answered, never a second one. */
  idempotency_key?: string | null;
  /** A warranty claim's job: the claim row is written in the intake's transaction. */
  warranty_claim?: { warranty_id: string; original_job_id: string; issue: string; note: string | null };
}

export type IntakeCommitOutcome =
  | { committed: true; job_id: string; customer_id: string }
  | { committed: false; job_id: string; same_body: boolean };

/** A fingerprint of what the counter asked for, to refuse one key reused for a different intake. */
export function intakeRequestHash(intake: RepairIntake): string {
  const { idempotency_key: _key, created_by: _by, created_by_id: _id, ...rest } = intake;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

/**
 * The customer with this phone (oldest first), or a new one written as Medusa's customer module
 * writes it. Under a per-phone transaction lock, so two intakes of a new phone make one customer.
 */
async function findOrCreateCustomer(trx: SqlTransaction, customer: RepairIntake["customer"]): Promise<{ id: string; created: boolean }> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('customer-phone:' || ?))`, [customer.phone]);
  const [found] = await rows(trx, `SELECT id FROM customer WHERE phone = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`, [customer.phone]);
  if (found) return { id: String(found.id), created: false };
  const [first, ...rest] = customer.name.trim().split(/\s+/);
  const id = generateEntityId(undefined, "cus");
  await trx.raw(
    `INSERT INTO customer (id, first_name, last_name, phone, has_account, created_at, updated_at) VALUES (?, ?, ?, ?, false, now(), now())`,
    [id, first ?? null, rest.join(" ") || null, customer.phone]);
  return { id, created: true };
}

/** The job already holding the key, waiting for a concurrent intake with it to commit first. */
async function jobOfKey(trx: SqlTransaction, key: string, requestHash: string): Promise<IntakeCommitOutcome | null> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('repair-intake:' || ?))`, [key]);
  const [row] = await rows(trx, `SELECT id, request_hash FROM repair_job WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return row ? { committed: false, job_id: String(row.id), same_body: row.request_hash === requestHash } : null;
}

/**
 * Intake in ONE PostgreSQL transaction: the key's claim, the customer found or created by phone, the
 * next VSH number (a rollback gives it back), the job with its first history line and assignment,
 * the customer ↔ job link, a warranty claim's row, and the outbox (CRM hook, Temporal start, events) under a fresh lease for
 * the caller. A key already used answers its job instead (`committed: false`), taking no number.
 */
export async function commitRepairIntake(container: MedusaContainer, intake: RepairIntake, technician: Technician | null): Promise<IntakeCommitOutcome> {
  const settings = await loadShopSettings(container);
  const key = intake.idempotency_key ?? null;
  const requestHash = key ? intakeRequestHash(intake) : null;
  return sqlConnection(container).transaction(async (trx): Promise<IntakeCommitOutcome> => {
    if (key) {
      const existing = await jobOfKey(trx, key, requestHash!);
      if (existing) return existing;
    }
    const customer = await findOrCreateCustomer(trx, intake.customer);
    const receivedAt = new Date();
    const year = shopYear(receivedAt);
    const jobNumber = formatJobNumber(year, await takeNextNumber(trx, `${JOB_PREFIX}-${year}`), JOB_PREFIX);
    const jobId = generateEntityId(undefined, "rjob");
    const workflowId = REPAIR_LIFECYCLE.workflowId(jobNumber);
    const outbox: JobEffect[] = [
      { id: "crm_intake", kind: "crm_intake" },
      {
        id: "lifecycle_start", kind: "lifecycle_start", workflow_id: workflowId,
        input: { jobId, jobNumber, initial: { from: null, to: "pending", note: RECEIVED_NOTE, changedBy: intake.created_by, changedAt: receivedAt.toISOString() } },
      },
      ...(customer.created ? [{ id: "customer_created", kind: "event" as const, name: CUSTOMER_CREATED, data: { id: customer.id } }] : []),
      { id: "job_created", kind: "event", name: REPAIR_JOB_CREATED, data: { id: jobId } },
    ];
    await trx.raw(
      `INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone, workflow_id, created_by,
         imei_serial, colour, accessories, condition_notes, deposit_sen, technician_id, technician_name, received_at, sla_due_at, sla_paused_seconds,
         eta, tracking_token, idempotency_key, request_hash, outbox, lease_until, created_at, updated_at)
       VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?::jsonb,
         now() + ?::int * interval '1 millisecond', ?, ?)`,
      [jobId, jobNumber, intake.device_type, intake.brand, intake.model, intake.issue, intake.priority, intake.customer.name, intake.customer.phone,
        workflowId, intake.created_by, intake.imei_serial ?? null, intake.colour ?? null, JSON.stringify(intake.accessories ?? []),
        intake.condition_notes ?? null, intake.deposit_sen ?? 0, technician?.id ?? null, technician?.name ?? null, receivedAt,
        slaDueAt(receivedAt, intake.priority, settings), intake.eta ? new Date(intake.eta) : null,
        trackingTokenFromBytes(randomBytes(TRACKING_TOKEN_BYTES)), key, requestHash, JSON.stringify(outbox), JOB_LEASE_MS, receivedAt, receivedAt]);
    await trx("repair_job_status_change").insert({
      id: generateEntityId(undefined, "rjsc"), repair_job_id: jobId, from_status: null, to_status: "pending", note: RECEIVED_NOTE,
      changed_by: intake.created_by, changed_at: receivedAt,
    });
    if (technician) {
      await trx("repair_job_event").insert({
        id: generateEntityId(undefined, "rjev"), repair_job_id: jobId, kind: "assigned", detail: JSON.stringify({ from: null, to: technician }),
        actor: intake.created_by, actor_id: intake.created_by_id ?? null, at: receivedAt,
      });
    }
    await trx("customer_customer_repair_repair_job").insert({ id: generateEntityId(undefined, "link"), customer_id: customer.id, repair_job_id: jobId });
    const claim = intake.warranty_claim;
    if (claim) {
      await trx("repair_warranty_claim").insert({
        id: generateEntityId(undefined, "rwcl"), warranty_id: claim.warranty_id, claim_job_id: jobId, original_job_id: claim.original_job_id,
        issue: claim.issue, note: claim.note, created_by: intake.created_by,
      });
    }
    return { committed: true, job_id: jobId, customer_id: customer.id };
  });
}
