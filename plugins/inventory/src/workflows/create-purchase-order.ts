import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { assertSupplierStep } from "./steps/assert-supplier";
import { createPurchaseOrderStep, type CreatePurchaseOrderInput } from "./steps/create-purchase-order";

export type { CreatePurchaseOrderInput };

export const createPurchaseOrderWorkflow = createWorkflow("create-purchase-order", (input: CreatePurchaseOrderInput) => {
  assertSupplierStep(input);
  return new WorkflowResponse(createPurchaseOrderStep(input));
});
