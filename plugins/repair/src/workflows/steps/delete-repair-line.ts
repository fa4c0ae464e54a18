import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { billingService } from "./load-billing";

/** Removes a line (soft delete); compensation brings it back. */
export const deleteRepairLineStep = createStep(
  "delete-repair-line",
  async (lineId: string, { container }) => {
    await billingService(container).softDeleteRepairLines([lineId]);
    return new StepResponse(lineId, lineId);
  },
  async (lineId, { container }) => {
    if (lineId) await billingService(container).restoreRepairLines([lineId]);
  },
);
