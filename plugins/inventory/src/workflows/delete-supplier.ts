import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { assertSupplierStep } from "./steps/assert-supplier";
import { softDeleteRecordsStep } from "./steps/records";

/** Soft-deletes the supplier and what it provides; purchase orders keep their supplier id. */
export const deleteSupplierWorkflow = createWorkflow("delete-procurement-supplier", (input: { supplier_id: string }) => {
  assertSupplierStep(input);
  softDeleteRecordsStep(transform({ input }, ({ input }) => ({ entity: "Supplier" as const, ids: [input.supplier_id] })));
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.supplier_id, deleted: true })));
});
