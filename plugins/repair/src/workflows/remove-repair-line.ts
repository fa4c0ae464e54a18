import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { LIVE_EVENTS } from "@voltura/domain";
import { deleteRepairLineStep } from "./steps/delete-repair-line";
import { loadRemovableLineStep } from "./steps/load-removable-line";
import { releasePartReservationsStep } from "./steps/release-part-reservations";

/** Removes a line from an open job; a part's reservation is released back to stock. */
export const removeRepairLineWorkflow = createWorkflow("remove-repair-line", (input: { job_id: string; line_id: string }) => {
  const found = loadRemovableLineStep(input);
  releasePartReservationsStep(transform({ found }, ({ found }) => (found.held ? [found.held] : [])));
  const removed = deleteRepairLineStep(transform({ found }, ({ found }) => found.line.id));
  emitEventStep({
    eventName: LIVE_EVENTS.repairLinesChanged,
    data: transform({ input, found }, ({ input, found }) => ({ id: input.job_id, item_ids: found.held ? [found.held.inventory_item_id] : [] })),
  });
  return new WorkflowResponse(removed);
});
