import { describe, expect, it } from "vitest";
import { planSaleStock } from "./sale-stock.js";

const level = (inventory_item_id: string, stocked_quantity: number, reserved_quantity = 0, low_stock_threshold: number | null = null) =>
  ({ inventory_item_id, stocked_quantity, reserved_quantity, low_stock_threshold });
const line = (inventory_item_id: string, units: number, guarded = true) => ({ inventory_item_id, variant_id: `v-${inventory_item_id}`, title: inventory_item_id, units, guarded });

describe("planSaleStock", () => {
  it("sums the lines of one item and takes them off its stocked quantity", () => {
    const plan = planSaleStock([line("a", 2), line("b", 1), line("a", 1)], [level("a", 10), level("b", 1)]);
    expect(plan.changes).toEqual([{ inventory_item_id: "a", delta: -3, before: 10, after: 7 }, { inventory_item_id: "b", delta: -1, before: 1, after: 0 }]);
    expect(plan.short).toEqual([]);
  });
  it("is short when the lines of an item together want more than stocked − reserved", () => {
    const plan = planSaleStock([line("a", 2), line("a", 2)], [level("a", 5, 2)]);
    expect(plan.short).toEqual([{ inventory_item_id: "a", variant_id: "v-a", title: "a", requested: 4, available: 3 }]);
  });
  it("lets an overridden item go below zero, and treats a missing level as none on hand", () => {
    const plan = planSaleStock([line("a", 2, false), line("b", 1)], [level("a", 1)]);
    expect(plan.short).toEqual([{ inventory_item_id: "b", variant_id: "v-b", title: "b", requested: 1, available: 0 }]);
    expect(plan.changes).toContainEqual({ inventory_item_id: "a", delta: -2, before: 1, after: -1 });
  });
  it("alerts low stock once, when the sale crosses the threshold", () => {
    expect(planSaleStock([line("a", 2)], [level("a", 5, 0, 3)]).low_stock).toEqual([{ inventory_item_id: "a", on_hand: 3, threshold: 3 }]);
    expect(planSaleStock([line("a", 1)], [level("a", 3, 0, 3)]).low_stock).toEqual([]);
    expect(planSaleStock([line("a", 1)], [level("a", 9, 0, null)]).low_stock).toEqual([]);
  });
});
