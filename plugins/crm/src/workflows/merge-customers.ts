import { deleteCustomersWorkflow } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { moveCustomerRecordsStep, type MoveCustomerRecordsInput } from "./steps/move-customer-records";

/**
 * Merges a duplicate customer into a primary one: repair jobs, devices, notes, tags and orders move
 * to the primary, then the duplicate is deleted. A failure anywhere puts everything back.
 */
export const mergeCustomersWorkflow = createWorkflow("merge-crm-customers", (input: MoveCustomerRecordsInput) => {
  const moved = moveCustomerRecordsStep(input);
  deleteCustomersWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: [input.duplicate_id] })) });
  return new WorkflowResponse(moved);
});
export type { MoveCustomerRecordsInput };
