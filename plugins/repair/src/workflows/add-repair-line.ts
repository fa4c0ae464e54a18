import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { LIVE_EVENTS } from "@voltura/domain";
import { createRepairLineStep } from "./steps/create-repair-line";
import { prepareRepairLineStep, type PrepareRepairLineInput } from "./steps/prepare-repair-line";
import { reservePartStockStep } from "./steps/reserve-part-stock";

export type AddRepairLineWorkflowInput = PrepareRepairLineInput;

/** Adds a part (reserving stock at Shop), labour or a fee to an open, uninvoiced job. */
export const addRepairLineWorkflow = createWorkflow("add-repair-line", (input: AddRepairLineWorkflowInput) => {
  const prepared = prepareRepairLineStep(input);
  const held = reservePartStockStep(transform({ prepared }, ({ prepared }) => prepared.reservation));
  const line = createRepairLineStep(
    transform({ prepared, held }, ({ prepared, held }) => ({ line: prepared.line, reservation_id: held?.reservation_id ?? null })),
  );
  emitEventStep({
    eventName: LIVE_EVENTS.repairLinesChanged,
    data: transform({ input, prepared }, ({ input, prepared }) => ({
      id: input.job_id, item_ids: prepared.reservation ? [prepared.reservation.inventory_item_id] : [],
    })),
  });
  return new WorkflowResponse(line);
});
