import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createRecordsStep } from "./steps/records";

export interface SupplierFields {
  name?: string;
  contact_name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  notes?: string | null;
}

export const createSupplierWorkflow = createWorkflow("create-procurement-supplier", (input: { supplier: SupplierFields & { name: string } }) => {
  const rows = createRecordsStep(transform({ input }, ({ input }) => ({ entity: "Supplier" as const, data: [{ ...input.supplier }] })));
  return new WorkflowResponse(transform({ rows }, ({ rows }) => ({ id: rows[0]!.id })));
});
