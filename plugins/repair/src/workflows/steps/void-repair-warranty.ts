import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { checkWarrantyVoid, type WarrantyVoidReason } from "@voltura/domain";
import { billingConflict } from "./billing-errors";
import { billingService } from "./load-billing";
import type { RepairWarrantyRecord } from "../../modules/repair-billing/types";

export interface VoidRepairWarrantyInput {
  warranty_id: string;
  reason: WarrantyVoidReason;
  note?: string | null;
  voided_by: string;
}

export async function loadWarranty(container: Parameters<typeof billingService>[0], id: string): Promise<RepairWarrantyRecord> {
  const [row] = await billingService(container).listRepairWarranties({ id }, { relations: ["claims"] });
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Warranty ${id} was not found`);
  return row;
}

/** Records what voids the warranty (water damage, physical damage, opened by a third party); compensation clears it. */
export const voidRepairWarrantyStep = createStep(
  "void-repair-warranty",
  async (input: VoidRepairWarrantyInput, { container }) => {
    const warranty = await loadWarranty(container, input.warranty_id);
    const check = checkWarrantyVoid(warranty);
    if (!check.ok) throw billingConflict("warranty_not_voidable", check.reason);
    await billingService(container).updateRepairWarranties({
      id: warranty.id, void_reason: input.reason, void_note: input.note ?? null, voided_at: new Date(), voided_by: input.voided_by,
    });
    return new StepResponse(warranty.id, warranty.id);
  },
  async (id, { container }) => {
    if (id) await billingService(container).updateRepairWarranties({ id, void_reason: null, void_note: null, voided_at: null, voided_by: null });
  },
);
