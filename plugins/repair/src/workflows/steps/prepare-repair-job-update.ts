import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { Priority } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import { findTechnician, retrieveJobOr404, type Technician } from "./job-context";
import { planRepairJobUpdate, type RepairJobUpdatePlan } from "./update-plan";
import type { ActorRef } from "../../modules/repair/types";

export interface RepairJobUpdateRequest {
  priority?: Priority;
  /** ISO instant, or null to clear. */
  eta?: string | null;
  diagnosis?: string | null;
  technician_id?: string | null;
  accessories?: string[];
  condition_notes?: string | null;
  note?: string;
}

export interface UpdateRepairJobWorkflowInput {
  id: string;
  changes: RepairJobUpdateRequest;
  actor: ActorRef;
}

/** Reads the job (404), the technician (400 unless an active technician) and the SLA hours; plans the update. Writes nothing. */
export const prepareRepairJobUpdateStep = createStep(
  "prepare-repair-job-update",
  async (input: UpdateRepairJobWorkflowInput, { container }) => {
    const job = await retrieveJobOr404(container, input.id);
    const { technician_id, eta, ...rest } = input.changes;
    // undefined: unchanged (also when the same technician is sent again); null: unassign.
    let technician: Technician | null | undefined;
    if (technician_id === null) technician = null;
    else if (technician_id !== undefined && technician_id !== job.technician_id) technician = await findTechnician(container, technician_id);
    const settings = await loadShopSettings(container);
    const plan = planRepairJobUpdate(job, { ...rest, technician, eta: eta === undefined ? undefined : eta === null ? null : new Date(eta) }, settings);
    return new StepResponse<RepairJobUpdatePlan & { id: string }>({ id: job.id, ...plan });
  },
);
