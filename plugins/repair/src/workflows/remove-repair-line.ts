import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { deleteRepairLineStep } from "./steps/delete-repair-line";
import { loadRemovableLineStep } from "./steps/load-removable-line";
import { releasePartReservationsStep } from "./steps/release-part-reservations";

/** Removes a line from an open job; a part's reservation is released back to stock. */
export const removeRepairLineWorkflow = createWorkflow("remove-repair-line", (input: { job_id: string; line_id: string }) => {
  const found = loadRemovableLineStep(input);
  releasePartReservationsStep(transform({ found }, ({ found }) => (found.held ? [found.held] : [])));
  const removed = deleteRepairLineStep(transform({ found }, ({ found }) => found.line.id));
  return new WorkflowResponse(removed);
});
