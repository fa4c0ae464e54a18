import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createRepairJobWorkflow } from "./create-repair-job";
import { prepareWarrantyClaimStep, type WarrantyClaimInput } from "./steps/prepare-warranty-claim";

/**
 * A warranty claim opens a new job for the same customer and device through the normal intake,
 * its issue prefixed "Warranty claim VSH-…: "; the claim row commits in the intake's transaction.
 * Labour added to that job is not charged.
 */
export const claimRepairWarrantyWorkflow = createWorkflow("claim-repair-warranty", (input: WarrantyClaimInput) => {
  const prepared = prepareWarrantyClaimStep(input);
  const job = createRepairJobWorkflow.runAsStep({ input: transform({ prepared }, ({ prepared }) => prepared.intake) });
  return new WorkflowResponse(transform({ job }, ({ job }) => ({ id: job.id, job_number: job.job_number })));
});
