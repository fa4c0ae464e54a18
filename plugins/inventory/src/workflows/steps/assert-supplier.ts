import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { listRecords } from "./records";

/** 404 unless the supplier exists (and is not deleted). Reads only. */
export const assertSupplierStep = createStep("assert-supplier", async (input: { supplier_id: string }, { container }) => {
  const [supplier] = await listRecords(container, "Supplier", { id: input.supplier_id });
  if (!supplier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Supplier ${input.supplier_id} not found`);
  return new StepResponse(supplier.id);
});
