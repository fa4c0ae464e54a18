import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { setThresholdStep } from "./steps/set-stock-threshold";

export const setLowStockThresholdWorkflow = createWorkflow("set-low-stock-threshold", (input: { inventory_item_id: string; low_stock_threshold: number | null }) => {
  return new WorkflowResponse(setThresholdStep(input));
});
