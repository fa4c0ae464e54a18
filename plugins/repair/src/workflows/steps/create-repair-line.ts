import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { billingService } from "../../billing/load-billing";
import type { NewRepairLine, RepairLineRecord } from "../../billing/records";

/** Stores the line (with its reservation); compensation deletes it. */
export const createRepairLineStep = createStep(
  "create-repair-line",
  async (input: { line: NewRepairLine; reservation_id: string | null }, { container }) => {
    const created = await billingService(container).createRepairLines({ ...input.line, reservation_id: input.reservation_id });
    return new StepResponse(created as unknown as RepairLineRecord, created.id);
  },
  async (id, { container }) => {
    if (id) await billingService(container).deleteRepairLines(id);
  },
);
