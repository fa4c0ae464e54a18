import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { MedusaContainer } from "@medusajs/framework/types";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { findTechnician, repairService } from "./job-context";
import { commitRepairIntake, type RepairIntake } from "./intake-commit";
import type { RepairJobRecord } from "../../modules/repair/types";

/** Finishing a committed intake whose outbox still starts with the CRM hook (the caller holds its lease). */
export interface FinishRepairIntakeInput {
  finish_job_id: string;
}

export interface CommittedIntake {
  job: RepairJobRecord;
  customer_id: string;
  /** The intake as the job stores it: what the `repairJobCreated` hook reads (device, customer). */
  intake: RepairIntake;
  /** True when this run holds the job's outbox lease (it committed the job, or finishes it). */
  owns_effects: boolean;
}

async function customerOfJob(container: MedusaContainer, jobId: string): Promise<string> {
  const [link] = await rows(sqlConnection(container),
    `SELECT customer_id FROM customer_customer_repair_repair_job WHERE repair_job_id = ? AND deleted_at IS NULL`, [jobId]);
  return String(link!.customer_id);
}

function intakeOfJob(job: RepairJobRecord): RepairIntake {
  return {
    customer: { name: job.customer_name, phone: job.customer_phone }, device_type: job.device_type, brand: job.brand, model: job.model,
    issue: job.issue, priority: job.priority, created_by: job.created_by, imei_serial: job.imei_serial, colour: job.colour,
    accessories: job.accessories, condition_notes: job.condition_notes, deposit_sen: Number(job.deposit_sen), technician_id: job.technician_id,
  };
}

/**
 * Step 1 of intake: everything the intake writes to the database, committed in one transaction
 * (see commitRepairIntake), so there is nothing to compensate. A key seen before answers its job
 * (409 for another body); `finish_job_id` picks up a committed job for the recovery.
 */
export const commitRepairIntakeStep = createStep("commit-repair-intake", async (input: RepairIntake | FinishRepairIntakeInput, { container }) => {
  let jobId: string;
  let owns: boolean;
  if ("finish_job_id" in input) {
    jobId = input.finish_job_id;
    owns = true;
  } else {
    const technician = input.technician_id ? await findTechnician(container, input.technician_id) : null;
    const outcome = await commitRepairIntake(container, input, technician);
    if (!outcome.committed && !outcome.same_body) {
      throw Object.assign(new MedusaError(MedusaError.Types.CONFLICT, "This idempotency_key was used for a different intake"),
        { details: { type: "idempotency_key_reused", field: "idempotency_key" } });
    }
    jobId = outcome.job_id;
    owns = outcome.committed;
  }
  const job = await repairService(container).retrieveRepairJob(jobId);
  const committed: CommittedIntake = { job, customer_id: await customerOfJob(container, jobId), intake: intakeOfJob(job), owns_effects: owns };
  return new StepResponse(committed);
});
