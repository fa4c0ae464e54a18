import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { checkTransition, type RepairStatus } from "@voltura/domain";
import { REPAIR_MODULE } from "../../modules/repair/index";
import type RepairModuleService from "../../modules/repair/service";
import type { RepairJobRecord, StatusChangeRecord } from "../types";

export interface ApplyStatusChangeInput {
  id: string;
  to: RepairStatus;
  note?: string | null;
  changed_by: string;
}

/** Moves a job to a new status if the move is allowed, and writes the history line. */
export const applyStatusChangeStep = createStep(
  "apply-repair-job-status-change",
  async (input: ApplyStatusChangeInput, { container }) => {
    const repair = container.resolve<RepairModuleService>(REPAIR_MODULE);
    const job = (await repair.retrieveRepairJob(input.id).catch(() => null)) as RepairJobRecord | null;
    if (!job) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${input.id} was not found`);
    const check = checkTransition(job.status, input.to);
    if (!check.ok) throw new MedusaError(MedusaError.Types.CONFLICT, check.reason);
    const updated = await repair.updateRepairJobs({ id: job.id, status: input.to });
    const change = await repair.createRepairJobStatusChanges({
      repair_job_id: job.id,
      from_status: job.status,
      to_status: input.to,
      note: input.note ?? null,
      changed_by: input.changed_by,
      changed_at: new Date(),
    });
    return new StepResponse(
      { job: updated as unknown as RepairJobRecord, change: change as unknown as StatusChangeRecord },
      { id: job.id, previous: job.status, changeId: change.id },
    );
  },
  async (undo, { container }) => {
    if (!undo) return;
    const repair = container.resolve<RepairModuleService>(REPAIR_MODULE);
    await repair.deleteRepairJobStatusChanges(undo.changeId);
    await repair.updateRepairJobs({ id: undo.id, status: undo.previous });
  },
);
