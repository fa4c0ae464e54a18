import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { voidRepairWarrantyStep, type VoidRepairWarrantyInput } from "./steps/void-repair-warranty";

/** Voids a warranty with the reason; later claims are refused with it. */
export const voidRepairWarrantyWorkflow = createWorkflow("void-repair-warranty", (input: VoidRepairWarrantyInput) => {
  return new WorkflowResponse(voidRepairWarrantyStep(input));
});
