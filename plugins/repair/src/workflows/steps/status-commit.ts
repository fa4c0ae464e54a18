import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import {
  checkTransition, formatMYR, PICKUP_REMINDERS, REPAIR_LIFECYCLE, type PickupRemindersInput, type RepairStatus, type ShopSettings, type StatusChange,
} from "@voltura/domain";
import { loadShopSettings, rows, sqlConnection, type SqlTransaction, withStockLocks } from "@voltura/medusa-kit";
import { billingConflict } from "./billing-errors";
import { applyStatusBilling, itemsMovedBy, jobLines } from "./status-billing";
import type { RepairJobRecord } from "../../modules/repair/types";
import { JOB_LEASE_MS, leaseFree, type JobEffect } from "../../domain/job-outbox";
import { statusChangeFields } from "../../domain/status-fields";
import { recordRows } from "./record-rows";

export const REPAIR_JOB_STATUS_CHANGED = "repair_job.status_changed";

export interface StatusChangeInput {
  id: string;
  to: RepairStatus;
  note?: string | null;
  changed_by: string;
}

/** Rows a flow writes together with its move (pickup: payments, warranties), inside the same transaction; returns its effects. */
export type MoveWriter = (trx: SqlTransaction, job: RepairJobRecord) => Promise<JobEffect[]>;

export type StatusCommitOutcome =
  | { applied: true; change_id: string; owns_effects: boolean }
  /** The job already stands at `to` (a retry of an applied move): nothing written. */
  | { applied: false };

/** A job leaves the shop only once its invoice is paid (pickup records the payments first). Reads inside the move's transaction. */
async function assertPaidForDelivery(trx: SqlTransaction, jobId: string): Promise<void> {
  const [due] = await rows(trx,
    `SELECT i.invoice_number, i.amount_due_sen - COALESCE((SELECT SUM(p.amount_sen) FROM repair_payment p WHERE p.repair_job_id = i.repair_job_id AND p.deleted_at IS NULL), 0) AS due
       FROM repair_invoice i WHERE i.repair_job_id = ? AND i.deleted_at IS NULL`, [jobId]);
  const outstanding = Number(due?.due ?? 0);
  if (due && outstanding > 0) {
    throw billingConflict("payment_due", `Invoice ${String(due.invoice_number)} has ${formatMYR(outstanding)} outstanding: record the payment at pickup`, { amount_due_sen: outstanding });
  }
}

/**
 * Appends effects to a job's outbox inside the caller's transaction (the job row locked), taking the
 * lease for the caller when nobody holds it. True when the caller now holds it and should run them.
 */
export async function queueJobEffects(trx: SqlTransaction, job: { id: string; lease_until: Date | null }, effects: JobEffect[]): Promise<boolean> {
  const owns = leaseFree(job.lease_until, new Date());
  await trx.raw(
    `UPDATE repair_job SET outbox = outbox || ?::jsonb, lease_until = CASE WHEN ? THEN now() + ?::int * interval '1 millisecond' ELSE lease_until END WHERE id = ?`,
    [JSON.stringify(effects), owns, JOB_LEASE_MS, job.id]);
  return owns;
}

const effectId = () => generateEntityId(undefined, "jeff");

/** The Temporal side of a move: the lifecycle signal and the pickup reminders' start or signal. */
function flowEffects(job: RepairJobRecord, change: StatusChange, settings: ShopSettings): JobEffect[] {
  const lifecycle: JobEffect = {
    id: effectId(), kind: "lifecycle_signal", workflow_id: REPAIR_LIFECYCLE.workflowId(job.job_number),
    input: { jobId: job.id, jobNumber: job.job_number, initial: change }, change,
  };
  const pickupId = PICKUP_REMINDERS.workflowId(job.job_number);
  const signal = (name: string, args: unknown[]): JobEffect => ({ id: effectId(), kind: "signal_if_running", workflow_id: pickupId, signal: name, args });
  if (change.to === "completed") {
    const input: PickupRemindersInput = { jobId: job.id, jobNumber: job.job_number, completedAt: change.changedAt, reminders: settings.pickupReminders };
    return [lifecycle, { id: effectId(), kind: "flow_start", workflow_type: PICKUP_REMINDERS.workflowType, workflow_id: pickupId, input }];
  }
  if (change.to === "delivered") return [lifecycle, signal(PICKUP_REMINDERS.signals.pickedUp, [{ deliveredAt: change.changedAt, by: change.changedBy }])];
  if (change.from === "completed") return [lifecycle, signal(PICKUP_REMINDERS.signals.jobReopened, [{ status: change.to, by: change.changedBy }])];
  return [lifecycle];
}

/**
 * A status move in ONE PostgreSQL transaction, under the stock locks of the parts it touches: the
 * job row locked, the transition checked on it (409 naming the allowed moves), billing's side
 * (parts consumed and the invoice with its number on Completed, reservations released on Cancelled /
 * Returned Unrepaired, paid-in-full on Delivered), the conditional update from → to, the history
 * line, what the caller writes `alongside` (pickup) and the outbox (invoice order, Temporal, events).
 * A job already at `to` is left as it is.
 */
export async function commitRepairStatusChange(container: MedusaContainer, input: StatusChangeInput, alongside?: MoveWriter): Promise<StatusCommitOutcome> {
  const db = sqlConnection(container);
  const settings = await loadShopSettings(container);
  const [found] = await rows(db, `SELECT id FROM repair_job WHERE id = ? AND deleted_at IS NULL`, [input.id]);
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${input.id} was not found`);
  const locked = itemsMovedBy(await jobLines(db, input.id), input.to);
  return withStockLocks(container, locked, () => db.transaction(async (trx): Promise<StatusCommitOutcome> => {
    const [job] = await recordRows<RepairJobRecord>(trx, `SELECT * FROM repair_job WHERE id = ? FOR UPDATE`, [input.id]);
    if (!job) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${input.id} was not found`);
    if (job.status === input.to) return { applied: false };
    const check = checkTransition(job.status, input.to);
    if (!check.ok) throw billingConflict("invalid_transition", check.reason, { allowed: check.allowed });
    const movedItems = itemsMovedBy(await jobLines(trx, job.id), input.to);
    if (movedItems.some((id) => !locked.includes(id))) {
      throw billingConflict("lines_changed", "The job's parts changed meanwhile; try again");
    }
    const written = alongside ? await alongside(trx, job) : [];
    if (input.to === "delivered") await assertPaidForDelivery(trx, job.id);
    const billing = await applyStatusBilling(trx, job, input.to, settings, input.changed_by);
    const at = new Date();
    const fields = statusChangeFields(job, input.to, at);
    await trx.raw(
      `UPDATE repair_job SET status = ?, sla_paused_seconds = ?, sla_paused_since = ?, completed_at = ?, delivered_at = ?, updated_at = now()
        WHERE id = ? AND status = ?`,
      [fields.status, fields.sla_paused_seconds, fields.sla_paused_since, fields.completed_at, fields.delivered_at, job.id, job.status]);
    const changeId = generateEntityId(undefined, "rjsc");
    await trx("repair_job_status_change").insert({
      id: changeId, repair_job_id: job.id, from_status: job.status, to_status: input.to, note: input.note ?? null, changed_by: input.changed_by, changed_at: at,
    });
    const change: StatusChange = { from: job.status, to: input.to, note: input.note ?? null, changedBy: input.changed_by, changedAt: at.toISOString() };
    const event: JobEffect = { id: effectId(), kind: "event", name: REPAIR_JOB_STATUS_CHANGED, data: { id: job.id, from: job.status, to: input.to, item_ids: [...new Set(movedItems)] } };
    const effects = [...billing.filter((e) => e.kind === "invoice_order"), ...written, ...flowEffects(job, change, settings), ...billing.filter((e) => e.kind !== "invoice_order"), event];
    const owns = await queueJobEffects(trx, job, effects);
    return { applied: true, change_id: changeId, owns_effects: owns };
  }));
}
