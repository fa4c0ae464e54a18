import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createRepairJobWorkflow } from "./create-repair-job";
import { prepareWarrantyClaimStep, type WarrantyClaimInput } from "./steps/prepare-warranty-claim";
import { recordWarrantyClaimStep } from "./steps/record-warranty-claim";

/**
 * A warranty claim opens a new job for the same customer and device through the normal intake,
 * its issue prefixed "Warranty claim VSH-…: ". Labour added to that job is not charged.
 */
export const claimRepairWarrantyWorkflow = createWorkflow("claim-repair-warranty", (input: WarrantyClaimInput) => {
  const prepared = prepareWarrantyClaimStep(input);
  const job = createRepairJobWorkflow.runAsStep({ input: transform({ prepared }, ({ prepared }) => prepared.intake) });
  recordWarrantyClaimStep(
    transform({ input, prepared, job }, ({ input, prepared, job }) => ({
      warranty_id: prepared.warranty_id, claim_job_id: job.id, original_job_id: prepared.original_job_id,
      issue: input.issue, note: input.note ?? null, created_by: input.created_by,
    })),
  );
  return new WorkflowResponse(transform({ job }, ({ job }) => ({ id: job.id, job_number: job.job_number })));
});
