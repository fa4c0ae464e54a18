import { describe, expect, it } from "vitest";
import { crossedBelowThreshold, isLowStock, ledgerMismatches, lowStockCrossings, netChanges, reversed, stockMovementInputSchema } from "../domain/stock-movement";
import { adjustmentDelta } from "../workflows/steps/adjust-stock";

const at = { inventory_item_id: "iitem_a", location_id: "sloc_shop" };

describe("stock movement input", () => {
  it.each([
    ["opening", 5, true],
    ["opening", -5, false],
    ["receipt", 3, true],
    ["receipt", -3, false],
    ["return", 1, true],
    ["sale", -2, true],
    ["sale", 2, false],
    ["repair_consumption", -1, true],
    ["repair_consumption", 1, false],
    ["adjustment", -4, true],
    ["adjustment", 4, true],
    ["stock_take", -1, true],
    ["stock_take", 7, true],
    ["sale", 0, false],
    ["sale", -1.5, false],
  ] as const)("%s of %d is %s", (kind, quantity_delta, ok) => {
    const parsed = stockMovementInputSchema.safeParse({ ...at, kind, quantity_delta });
    expect(parsed.success).toBe(ok);
    if (!parsed.success) expect(parsed.error.issues[0]!.path).toEqual(["quantity_delta"]);
  });

  it("refuses an unknown kind, naming the field", () => {
    const parsed = stockMovementInputSchema.safeParse({ ...at, kind: "theft", quantity_delta: -1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["kind"]);
  });
});

describe("net changes and reversal", () => {
  it("sums per item and location and drops zero nets", () => {
    expect(netChanges([
      { ...at, quantity_delta: 3 },
      { inventory_item_id: "iitem_b", location_id: "sloc_shop", quantity_delta: -1 },
      { ...at, quantity_delta: -1 },
      { inventory_item_id: "iitem_b", location_id: "sloc_shop", quantity_delta: 1 },
      { inventory_item_id: "iitem_a", location_id: "sloc_store", quantity_delta: 2 },
    ])).toEqual([{ ...at, quantity_delta: 2 }, { inventory_item_id: "iitem_a", location_id: "sloc_store", quantity_delta: 2 }]);
  });

  it("a reversal undoes the change", () => {
    const moves = [{ ...at, quantity_delta: 4 }, { ...at, quantity_delta: -1 }];
    expect(netChanges([...moves, ...reversed(moves)])).toEqual([]);
  });
});

describe("ledger invariant", () => {
  it.each([
    ["matching levels", [{ ...at, stocked_quantity: 5 }], [{ ...at, ledger_quantity: 5 }], []],
    ["stock without ledger rows", [{ ...at, stocked_quantity: 2 }], [], [{ ...at, stocked_quantity: 2, ledger_quantity: 0 }]],
    ["an empty level without rows", [{ ...at, stocked_quantity: 0 }], [], []],
    ["a level that drifted", [{ ...at, stocked_quantity: 4 }], [{ ...at, ledger_quantity: 5 }], [{ ...at, stocked_quantity: 4, ledger_quantity: 5 }]],
    ["ledger rows without a level", [], [{ ...at, ledger_quantity: 3 }], [{ ...at, stocked_quantity: 0, ledger_quantity: 3 }]],
    ["ledger rows netting to zero without a level", [], [{ ...at, ledger_quantity: 0 }], []],
  ] as const)("%s", (_name, levels, sums, expected) => {
    expect(ledgerMismatches(levels, sums)).toEqual(expected);
  });
});

describe("low stock", () => {
  it.each([
    [3, null, false],
    [3, 3, true],
    [4, 3, false],
    [0, 0, true],
  ] as const)("on hand %d with threshold %s is low: %s", (onHand, threshold, low) => {
    expect(isLowStock(onHand, threshold)).toBe(low);
  });

  it.each([
    [5, 2, 2, true],
    [5, 3, 2, false],
    [2, 1, 2, false],
    [3, 2, null, false],
  ] as const)("from %d to %d with threshold %s crosses: %s", (before, after, threshold, crossed) => {
    expect(crossedBelowThreshold(before, after, threshold)).toBe(crossed);
  });
});

describe("low-stock crossings of a change", () => {
  const levels = [{ ...at, stocked_quantity: 5 }, { inventory_item_id: "iitem_b", location_id: "sloc_shop", stocked_quantity: 1 }];
  const thresholds = new Map<string, number | null>([["iitem_a", 3], ["iitem_b", 2]]);

  it("announces an item that falls from above its threshold to at or below it, with its new on-hand", () => {
    expect(lowStockCrossings(levels, [{ ...at, quantity_delta: -2 }], thresholds)).toEqual([{ ...at, on_hand: 3, threshold: 3 }]);
  });

  it("stays quiet above the threshold, for items already low, for rising stock and without a threshold", () => {
    expect(lowStockCrossings(levels, [{ ...at, quantity_delta: -1 }], thresholds)).toEqual([]);
    expect(lowStockCrossings(levels, [{ inventory_item_id: "iitem_b", location_id: "sloc_shop", quantity_delta: -1 }], thresholds)).toEqual([]);
    expect(lowStockCrossings(levels, [{ ...at, quantity_delta: 4 }], thresholds)).toEqual([]);
    expect(lowStockCrossings(levels, [{ ...at, quantity_delta: -5 }], new Map())).toEqual([]);
  });

  it("reads each location's own level: a location without one starts at 0, already low", () => {
    const van = { inventory_item_id: "iitem_a", location_id: "sloc_van" };
    expect(lowStockCrossings(levels, [{ ...van, quantity_delta: -1 }], thresholds)).toEqual([]);
    expect(lowStockCrossings([...levels, { ...van, stocked_quantity: 4 }], [{ ...van, quantity_delta: -1 }], thresholds)).toEqual([{ ...van, on_hand: 3, threshold: 3 }]);
  });
});

describe("adjustment direction", () => {
  it.each([
    ["damage", 2, -2],
    ["loss", 1, -1],
    ["found", 3, 3],
    ["correction", -4, -4],
    ["correction", 2, 2],
  ] as const)("%s of %d moves %d", (reason, quantity, delta) => {
    expect(adjustmentDelta(reason, quantity)).toBe(delta);
  });
});
