import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { SupplierFields } from "./create-supplier";
import { assertSupplierStep } from "./steps/assert-supplier";
import { updateRecordsStep } from "./steps/records";

export const updateSupplierWorkflow = createWorkflow("update-procurement-supplier", (input: { supplier_id: string; changes: SupplierFields }) => {
  assertSupplierStep(input);
  updateRecordsStep(transform({ input }, ({ input }) => ({ entity: "Supplier" as const, data: [{ id: input.supplier_id, ...input.changes }] })));
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.supplier_id })));
});
