import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { assertItemsExist, resolveLocationId } from "../inventory/items";
import { applyStockMovementsStep } from "./steps/apply-stock-movements";

export const STOCK_ADJUSTMENT_REASONS = ["damage", "loss", "found", "correction"] as const;
export type StockAdjustmentReason = (typeof STOCK_ADJUSTMENT_REASONS)[number];

export interface StockAdjustmentInput {
  inventory_item_id: string;
  location_id?: string;
  reason: StockAdjustmentReason;
  /** Units: damage / loss take them out, found puts them back, correction is signed. */
  quantity: number;
  note?: string | null;
  actor_id: string;
}

/** The signed ledger delta of an adjustment. */
export function adjustmentDelta(reason: StockAdjustmentReason, quantity: number): number {
  if (reason === "correction") return quantity;
  return reason === "found" ? Math.abs(quantity) : -Math.abs(quantity);
}

const resolveAdjustmentStep = createStep("resolve-stock-adjustment", async (input: StockAdjustmentInput, { container }) => {
  await assertItemsExist(container, [input.inventory_item_id]);
  return new StepResponse({ location_id: await resolveLocationId(container, input.location_id) });
});

/** A stock adjustment with its reason and who made it: one `adjustment` row in the ledger. */
export const createStockAdjustmentWorkflow = createWorkflow("create-stock-adjustment", (input: StockAdjustmentInput) => {
  const where = resolveAdjustmentStep(input);
  const applied = applyStockMovementsStep(
    transform({ input, where }, ({ input, where }) => ({
      movements: [{
        inventory_item_id: input.inventory_item_id, location_id: where.location_id, quantity_delta: adjustmentDelta(input.reason, input.quantity),
        kind: "adjustment" as const, reason: input.reason, actor_id: input.actor_id, note: input.note ?? null, reference_type: "stock_adjustment",
      }],
    })),
  );
  return new WorkflowResponse(transform({ applied }, ({ applied }) => applied.movements[0]!));
});
