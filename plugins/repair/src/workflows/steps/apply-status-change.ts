import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { advanceSlaClock, checkTransition, type RepairStatus } from "@voltura/domain";
import { repairService } from "../../desk/context";
import { storedClock } from "../../desk/sla";
import type { RepairJobRecord, StatusChangeRecord } from "../types";

export interface ApplyStatusChangeInput {
  id: string;
  to: RepairStatus;
  note?: string | null;
  changed_by: string;
}

type StatusFields = Pick<RepairJobRecord, "status" | "sla_paused_seconds" | "sla_paused_since" | "completed_at" | "delivered_at">;
interface StatusFieldsUpdate {
  status: RepairStatus;
  sla_paused_seconds: number;
  sla_paused_since: Date | null;
  completed_at: Date | null;
  delivered_at: Date | null;
}
const toDate = (d: Date | string | null | undefined) => (d ? new Date(d) : null);

/**
 * The fields a move to `to` at `at` writes: the status, the SLA clock (paused while awaiting
 * approval or parts, stopped from Completed on), completed_at / delivered_at.
 */
export function statusChangeFields(job: StatusFields, to: RepairStatus, at: Date): StatusFieldsUpdate {
  const clock = advanceSlaClock(
    { paused_ms: Number(job.sla_paused_seconds ?? 0) * 1000, paused_since: toDate(job.sla_paused_since) },
    job.status,
    to,
    at,
  );
  return {
    status: to,
    ...storedClock(clock),
    // Reopened (Completed → In Progress): no longer completed; completing again sets it anew.
    completed_at: to === "completed" ? at : to === "in_progress" ? null : toDate(job.completed_at),
    delivered_at: to === "delivered" ? at : toDate(job.delivered_at),
  };
}

/** Moves a job to a new status if the move is allowed, and writes the history line. */
export const applyStatusChangeStep = createStep(
  "apply-repair-job-status-change",
  async (input: ApplyStatusChangeInput, { container }) => {
    const repair = repairService(container);
    const job = (await repair.retrieveRepairJob(input.id).catch(() => null)) as RepairJobRecord | null;
    if (!job) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${input.id} was not found`);
    const check = checkTransition(job.status, input.to);
    if (!check.ok) throw new MedusaError(MedusaError.Types.CONFLICT, check.reason);
    const at = new Date();
    const previous: StatusFieldsUpdate = {
      status: job.status,
      sla_paused_seconds: Number(job.sla_paused_seconds ?? 0),
      sla_paused_since: toDate(job.sla_paused_since),
      completed_at: toDate(job.completed_at),
      delivered_at: toDate(job.delivered_at),
    };
    const updated = await repair.updateRepairJobs({ id: job.id, ...statusChangeFields(job, input.to, at) });
    const change = await repair.createRepairJobStatusChanges({
      repair_job_id: job.id,
      from_status: job.status,
      to_status: input.to,
      note: input.note ?? null,
      changed_by: input.changed_by,
      changed_at: at,
    });
    return new StepResponse(
      { job: updated as unknown as RepairJobRecord, change: change as unknown as StatusChangeRecord },
      { id: job.id, previous, changeId: change.id },
    );
  },
  async (undo, { container }) => {
    if (!undo) return;
    const repair = repairService(container);
    await repair.deleteRepairJobStatusChanges(undo.changeId);
    const { sla_paused_since, completed_at, delivered_at, ...rest } = undo.previous;
    // Step results come back through JSON when the workflow engine stores them: dates as strings.
    await repair.updateRepairJobs({ id: undo.id, ...rest, sla_paused_since: toDate(sla_paused_since), completed_at: toDate(completed_at), delivered_at: toDate(delivered_at) });
  },
);
