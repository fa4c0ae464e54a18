import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { billingService } from "../../billing/load-billing";

export interface RecordWarrantyClaimInput {
  warranty_id: string;
  claim_job_id: string;
  original_job_id: string;
  issue: string;
  note?: string | null;
  created_by: string;
}

/** Records the claim against the warranty (the warranty's dates never change); compensation deletes it. */
export const recordWarrantyClaimStep = createStep(
  "record-repair-warranty-claim",
  async (input: RecordWarrantyClaimInput, { container }) => {
    const claim = await billingService(container).createRepairWarrantyClaims({
      warranty_id: input.warranty_id, claim_job_id: input.claim_job_id, original_job_id: input.original_job_id,
      issue: input.issue, note: input.note ?? null, created_by: input.created_by,
    });
    return new StepResponse(claim.id, claim.id);
  },
  async (id, { container }) => {
    if (id) await billingService(container).deleteRepairWarrantyClaims(id);
  },
);
