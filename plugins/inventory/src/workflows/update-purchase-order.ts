import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { updatePurchaseOrderDraftStep, type UpdatePurchaseOrderInput } from "./steps/update-purchase-order-draft";

export type { UpdatePurchaseOrderInput };

export const updatePurchaseOrderWorkflow = createWorkflow("update-purchase-order", (input: UpdatePurchaseOrderInput) => {
  return new WorkflowResponse(updatePurchaseOrderDraftStep(input));
});
