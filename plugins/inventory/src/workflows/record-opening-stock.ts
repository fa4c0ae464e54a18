import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { applyStockMovementsStep } from "./steps/apply-stock-movements";

export interface OpeningStockInput {
  actor_id: string;
  lines: Array<{ inventory_item_id: string; location_id: string; quantity: number; unit_cost_sen?: number | null; note?: string | null }>;
}

/** Stock that was on the shelf before the ledger began (setup, imports): `opening` rows at their cost. */
export const recordOpeningStockWorkflow = createWorkflow("record-opening-stock", (input: OpeningStockInput) => {
  const applied = applyStockMovementsStep(
    transform({ input }, ({ input }) => ({
      movements: input.lines.map((l) => ({
        inventory_item_id: l.inventory_item_id, location_id: l.location_id, quantity_delta: l.quantity, kind: "opening" as const,
        unit_cost_sen: l.unit_cost_sen ?? null, actor_id: input.actor_id, note: l.note ?? "Opening stock", reference_type: "opening",
      })),
    })),
  );
  return new WorkflowResponse(applied);
});
