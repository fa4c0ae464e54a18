import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { listRecords } from "./records";

export const assertSupplierItemStep = createStep("assert-supplier-item", async (input: { supplier_id: string; supplier_item_id: string }, { container }) => {
  const [row] = await listRecords(container, "SupplierItem", { id: input.supplier_item_id, supplier_id: input.supplier_id });
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Supplier item ${input.supplier_item_id} not found for supplier ${input.supplier_id}`);
  return new StepResponse(row.id);
});
