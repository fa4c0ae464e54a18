import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { returnPosSaleStep, type ReturnPosSaleInput } from "./steps/return-pos-sale";

export { POS_SALE_RETURNED, commitReturn, type ReturnOutcome } from "./steps/return-commit";
export { returnPosSale, type ReturnRequest } from "./steps/sale-return";
export type { ReturnPosSaleInput } from "./steps/return-pos-sale";

/**
 * A return against a sale (see steps/sale-return.ts), for callers that run workflows (the demo
 * seed); the returns route calls returnPosSale directly and records the audit row with it.
 */
export const returnPosSaleWorkflow = createWorkflow("return-pos-sale", (input: ReturnPosSaleInput) => {
  return new WorkflowResponse(returnPosSaleStep(input));
});
