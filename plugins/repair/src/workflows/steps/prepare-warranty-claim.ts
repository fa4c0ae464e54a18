import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { checkWarrantyClaim, warrantyClaimIssue, type DeviceType, type Priority } from "@voltura/domain";
import { loadBillingJob } from "./billing-context";
import { billingConflict } from "./billing-errors";
import type { CreateRepairJobInput } from "../create-repair-job";
import { loadWarranty } from "./void-repair-warranty";

export interface WarrantyClaimInput {
  warranty_id: string;
  issue: string;
  note?: string | null;
  created_by: string;
  created_by_id?: string | null;
}

/** Checks the warranty accepts a claim (409 with the reason when void or expired) and prepares the claim job's intake, claim row included. Reads only. */
export const prepareWarrantyClaimStep = createStep("prepare-repair-warranty-claim", async (input: WarrantyClaimInput, { container }) => {
  const warranty = await loadWarranty(container, input.warranty_id);
  const check = checkWarrantyClaim(warranty);
  if (!check.ok) {
    throw billingConflict(warranty.void_reason ? "warranty_void" : "warranty_expired", `Claim refused: ${check.reason}`, {
      void_reason: warranty.void_reason ?? null,
    });
  }
  const job = await loadBillingJob(container, warranty.repair_job_id);
  const intake: CreateRepairJobInput = {
    customer: { name: job.customer_name, phone: job.customer_phone },
    device_type: job.device_type as DeviceType,
    brand: job.brand,
    model: job.model,
    issue: warrantyClaimIssue(job.job_number, input.issue),
    priority: job.priority as Priority,
    created_by: input.created_by,
    created_by_id: input.created_by_id ?? null,
    // The same device: its IMEI / serial and colour carry over; no new deposit.
    imei_serial: job.imei_serial,
    colour: job.colour,
    warranty_claim: { warranty_id: warranty.id, original_job_id: job.id, issue: input.issue, note: input.note ?? null },
  };
  return new StepResponse({ warranty_id: warranty.id, original_job_id: job.id, intake });
});
