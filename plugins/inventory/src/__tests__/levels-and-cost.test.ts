import { describe, expect, it } from "vitest";
import { lowStockAlertKey, lowStockAlertText } from "../workflows/steps/send-low-stock-alert";
import { averageCostAfter } from "../domain/cost";
import { queryLevels, toLevelRow, withBalances } from "../domain/levels";

describe("weighted average cost over receipts", () => {
  it.each([
    ["no receipts keep the average", 4, 15000, [], 15000],
    ["equal quantities average the costs", 4, 15000, [{ quantity: 4, unit_cost_sen: 17000 }], 16000],
    ["two deliveries apply in turn", 4, 15000, [{ quantity: 4, unit_cost_sen: 17000 }, { quantity: 2, unit_cost_sen: 17000 }], 16200],
    ["an empty shelf takes the receipt's cost", 0, 9999, [{ quantity: 3, unit_cost_sen: 500 }], 500],
    ["an oversold shelf takes the receipt's cost", -2, 800, [{ quantity: 5, unit_cost_sen: 600 }], 600],
    ["half a sen rounds half up", 1, 101, [{ quantity: 1, unit_cost_sen: 100 }], 101],
    ["a free receipt pulls the average down", 10, 600, [{ quantity: 10, unit_cost_sen: 0 }], 300],
  ] as const)("%s", (_name, onHand, avg, receipts, expected) => {
    expect(averageCostAfter(onHand, avg, receipts)).toBe(expected);
  });

  it("refuses a negative cost", () => {
    expect(() => averageCostAfter(1, 100, [{ quantity: 1, unit_cost_sen: -1 }])).toThrow(RangeError);
  });
});

const row = (over: Partial<Parameters<typeof toLevelRow>[0]>) =>
  toLevelRow({ inventory_item_id: "i", location_id: "shop", location_name: "Shop", title: "x", sku: null, barcode: null, on_hand: 0, reserved: 0, low_stock_threshold: null, average_cost_sen: 0, ...over });

describe("levels table", () => {
  const rows = [
    row({ inventory_item_id: "a", title: "iPhone 13 Screen", sku: "PART-IP13", barcode: "9555000100013", on_hand: 6, reserved: 1, low_stock_threshold: 2 }),
    row({ inventory_item_id: "b", title: "USB-C Cable", sku: "ACC-USBC", on_hand: 2, low_stock_threshold: 5 }),
    row({ inventory_item_id: "c", title: "Battery", sku: "PART-BAT", on_hand: 0 }),
  ];

  it("computes available and low stock", () => {
    expect(rows[0]).toMatchObject({ available: 5, low_stock: false });
    expect(rows[1]).toMatchObject({ low_stock: true });
    expect(rows[2]).toMatchObject({ low_stock: false });
  });

  it.each([
    [{ q: "usb" }, ["b"]],
    [{ q: "part-" }, ["c", "a"]],
    [{ q: "9555000100013" }, ["a"]],
    [{ low_stock: true }, ["b"]],
    [{ order: "-on_hand" as const }, ["a", "b", "c"]],
    [{ order: "sku" as const }, ["b", "c", "a"]],
    [{ limit: 1, offset: 1 }, ["a"]],
  ])("%j", (q, ids) => {
    const result = queryLevels(rows, { order: "title", limit: 50, offset: 0, ...q });
    expect(result.levels.map((r) => r.inventory_item_id)).toEqual(ids);
  });

  it("counts low stock before the low-stock filter and the page", () => {
    expect(queryLevels(rows, { order: "title", limit: 1, offset: 2 })).toMatchObject({ count: 3, low_stock_count: 1 });
  });

  it("keeps a running balance per location", () => {
    const moves = withBalances([
      { location_id: "shop", quantity_delta: 5 }, { location_id: "store", quantity_delta: 2 }, { location_id: "shop", quantity_delta: -1 },
    ]);
    expect(moves.map((m) => m.balance)).toEqual([5, 2, 4]);
  });
});

describe("low-stock alert", () => {
  it("keys one alert per item, location and shop day (Kuala Lumpur)", () => {
    expect(lowStockAlertKey("iitem_1", "sloc_1", new Date("2026-03-04T16:30:00Z"))).toBe("low-stock:iitem_1:sloc_1:2026-03-05");
    expect(lowStockAlertKey("iitem_1", "sloc_1", new Date("2026-03-04T15:59:00Z"))).toBe("low-stock:iitem_1:sloc_1:2026-03-04");
  });

  it("says what, where, how many and the threshold", () => {
    expect(lowStockAlertText({ title: "USB-C Cable", sku: "ACC-USBC", location: "Shop", on_hand: 2, threshold: 3 })).toBe(
      "Low stock: USB-C Cable (ACC-USBC) at Shop is down to 2 (threshold 3). Reorder from Inventory → Purchase orders.",
    );
  });
});
