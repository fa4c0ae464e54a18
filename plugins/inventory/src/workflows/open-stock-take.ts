import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { openStockTakeStep } from "./steps/open-stock-take";

export const openStockTakeWorkflow = createWorkflow("open-stock-take", (input: { location_id?: string; note?: string | null; created_by: string }) => {
  return new WorkflowResponse(openStockTakeStep(input));
});
