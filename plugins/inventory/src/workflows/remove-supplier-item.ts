import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { assertSupplierItemStep } from "./steps/assert-supplier-item";
import { softDeleteRecordsStep } from "./steps/records";

export const removeSupplierItemWorkflow = createWorkflow("remove-procurement-supplier-item", (input: { supplier_id: string; supplier_item_id: string }) => {
  assertSupplierItemStep({ supplier_id: input.supplier_id, supplier_item_id: input.supplier_item_id });
  softDeleteRecordsStep(transform({ input }, ({ input }) => ({ entity: "SupplierItem" as const, ids: [input.supplier_item_id] })));
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.supplier_item_id })));
});
