import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { RepairIntake } from "./steps/intake-commit";
import { commitRepairIntakeStep, type FinishRepairIntakeInput } from "./steps/commit-repair-intake";
import { runRepairJobEffectsStep } from "./steps/run-repair-job-effects";

export type CreateRepairJobInput = RepairIntake;
export type { FinishRepairIntakeInput };
export { REPAIR_JOB_CREATED } from "./steps/intake-commit";

/**
 * Intake, crash-safe: (1) the job, its number, customer, history and link commit in one
 * transaction with an outbox; (2) the `repairJobCreated` hook (crm: profile, device, link — each
 * idempotent); (3) the rest of the outbox: Temporal `job-<number>`, `repair_job.created`. A crash
 * or failure after (1) leaves a committed job that a same-key retry or the recovery job finishes
 * by running this workflow with `finish_job_id`.
 */
export const createRepairJobWorkflow = createWorkflow("create-repair-job", (input: CreateRepairJobInput | FinishRepairIntakeInput) => {
  const committed = commitRepairIntakeStep(input);
  const repairJobCreated = createHook("repairJobCreated", { job: committed.job, customerId: committed.customer_id, input: committed.intake });
  runRepairJobEffectsStep(transform({ committed }, ({ committed }) => ({ job_id: committed.job.id, owns_effects: committed.owns_effects, after_intake_hook: true })));
  return new WorkflowResponse(committed.job, { hooks: [repairJobCreated] });
});
