import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { repairService } from "./job-context";
import { commitRepairStatusChange, type StatusChangeInput } from "./status-commit";

/** Step 1 of a status change: the move and billing's side committed in one transaction (nothing to compensate). */
export const commitStatusChangeStep = createStep("commit-repair-status-change", async (input: StatusChangeInput, { container }) => {
  const outcome = await commitRepairStatusChange(container, input);
  const job = await repairService(container).retrieveRepairJob(input.id);
  return new StepResponse({ job, owns_effects: outcome.applied && outcome.owns_effects });
});
