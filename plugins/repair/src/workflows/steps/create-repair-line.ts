import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { billingService } from "./load-billing";
import type { NewRepairLine, RepairLineRecord } from "../../modules/repair-billing/types";

/** Stores the line (with its reservation); compensation deletes it. */
export const createRepairLineStep = createStep(
  "create-repair-line",
  async (input: { line: NewRepairLine; reservation_id: string | null }, { container }) => {
    const created = await billingService(container).createRepairLines({ ...input.line, reservation_id: input.reservation_id });
    return new StepResponse<RepairLineRecord, string>(created, created.id);
  },
  async (id, { container }) => {
    if (id) await billingService(container).deleteRepairLines(id);
  },
);
