import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { adoptExistingStockStep, type AdoptExistingStockInput } from "./steps/adopt-existing-stock";

export type { AdoptExistingStockInput } from "./steps/adopt-existing-stock";

export const adoptExistingStockWorkflow = createWorkflow("adopt-existing-stock", (input: AdoptExistingStockInput) => {
  return new WorkflowResponse(adoptExistingStockStep(input));
});
