import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { repairService } from "../../desk/context";
import { commitRepairStatusChange, type StatusChangeInput } from "../../desk/status-commit";
import type { RepairJobRecord } from "../types";

/** Step 1 of a status change: the move and billing's side committed in one transaction (nothing to compensate). */
export const commitStatusChangeStep = createStep("commit-repair-status-change", async (input: StatusChangeInput, { container }) => {
  const outcome = await commitRepairStatusChange(container, input);
  const job = (await repairService(container).retrieveRepairJob(input.id)) as unknown as RepairJobRecord;
  return new StepResponse({ job, owns_effects: outcome.applied && outcome.owns_effects });
});
