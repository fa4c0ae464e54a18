import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { assertSupplierStep } from "./steps/assert-supplier";
import { upsertSupplierItemStep, type SupplierItemInput } from "./steps/upsert-supplier-item";

export type { SupplierItemInput };

export const setSupplierItemWorkflow = createWorkflow("set-procurement-supplier-item", (input: SupplierItemInput) => {
  assertSupplierStep(input);
  return new WorkflowResponse(upsertSupplierItemStep(input));
});
