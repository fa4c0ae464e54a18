import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { billingConflict } from "./billing-errors";
import { commitRepairPickup } from "./pickup-commit";
import type { PickupInput, PickupPlan } from "./prepare-pickup";

/**
 * Payments, warranties and the move to Delivered in one transaction (nothing to compensate). A
 * concurrent pickup that delivered the job first leaves this one unrecorded: 409, not a false receipt.
 */
export const commitPickupStep = createStep("commit-repair-pickup", async (input: { input: PickupInput; plan: PickupPlan }, { container }) => {
  const outcome = await commitRepairPickup(container, input.input, input.plan);
  if (!outcome.applied) throw billingConflict("invalid_transition", "This job was collected meanwhile; its payments were recorded by that pickup");
  return new StepResponse({ job_id: input.plan.job_id, owns_effects: outcome.owns_effects });
});
