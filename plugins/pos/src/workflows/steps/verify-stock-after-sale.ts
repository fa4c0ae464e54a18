import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { availableByItem } from "../../sales/catalogue";
import { posConflict } from "../../sales/errors";
import type { CheckoutPlan } from "../../sales/plan";

/**
 * The stock guard once more, after the ledger moved the stock: if a concurrent sale took the last
 * units between the first check and this one, a line sold without a manager's override would leave
 * the shelf below zero. Then the sale fails with 409 and every step before it is compensated.
 */
export const verifyStockAfterSaleStep = createStep("verify-pos-stock-after-sale", async (plan: CheckoutPlan, { container }) => {
  const guarded = plan.lines.filter((l) => l.inventory_item_id && !l.stock_override);
  if (!guarded.length) return new StepResponse(true);
  const available = await availableByItem(container, [...new Set(guarded.map((l) => l.inventory_item_id!))], plan.location_id);
  const short = guarded.filter((l) => (available.get(l.inventory_item_id!) ?? 0) < 0);
  if (short.length) {
    throw posConflict("out_of_stock", `Out of stock: ${short.map((l) => l.title).join(", ")} sold meanwhile. A manager can override.`, {
      items: short.map((l) => ({ inventory_item_id: l.inventory_item_id, variant_id: l.variant_id, title: l.title, requested: l.quantity, available: 0 })),
    });
  }
  return new StepResponse(true);
});
