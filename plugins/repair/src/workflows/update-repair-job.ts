import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createRepairJobEventsStep } from "./steps/create-repair-job-events";
import { prepareRepairJobUpdateStep, type UpdateRepairJobWorkflowInput } from "./steps/prepare-repair-job-update";
import { updateRepairJobFieldsStep } from "./steps/update-repair-job-fields";

export type { RepairJobUpdateRequest, UpdateRepairJobWorkflowInput } from "./steps/prepare-repair-job-update";

export const REPAIR_JOB_UPDATED = "repair_job.updated";

/**
 * Priority (recomputing the SLA due time), ETA, diagnosis, technician, accessories, condition
 * notes and free notes. Only real changes are written, each with a line on the job's timeline.
 */
export const updateRepairJobWorkflow = createWorkflow("update-repair-job", (input: UpdateRepairJobWorkflowInput) => {
  const plan = prepareRepairJobUpdateStep(input);
  const job = updateRepairJobFieldsStep(transform({ plan }, ({ plan }) => ({ id: plan.id, patch: plan.patch })));
  const events = createRepairJobEventsStep(
    transform({ plan, input }, ({ plan, input }) => ({ repair_job_id: plan.id, events: plan.events, actor: input.actor })),
  );
  // Other plugins react to assignments or priority changes here, inside the same transaction.
  const repairJobUpdated = createHook("repairJobUpdated", { job, changes: plan.patch, events, input });
  emitEventStep({
    eventName: REPAIR_JOB_UPDATED,
    data: transform({ plan }, ({ plan }) => ({ id: plan.id, fields: Object.keys(plan.patch), events: plan.events.map((e) => e.kind) })),
  });
  return new WorkflowResponse(job, { hooks: [repairJobUpdated] });
});
