import { describe, expect, it } from "vitest";
import { checkLedgerInvariant, onHandFromLedger, weightedAverageCost } from "./stock-ledger.js";
import type { StockMovement } from "./stock-ledger.js";

const KL = "loc_kl";
const PJ = "loc_pj";
const SCREEN = "item_screen_ip13";
const BATTERY = "item_battery_a52";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 2, minute)).toISOString();

const screenKl: StockMovement[] = [
  { item_id: SCREEN, location_id: KL, at: at(0), kind: "receipt", quantity: 10 },
  { item_id: SCREEN, location_id: KL, at: at(1), kind: "sale", quantity: 2 },
  { item_id: SCREEN, location_id: KL, at: at(2), kind: "repair_consumption", quantity: 1 },
  { item_id: SCREEN, location_id: KL, at: at(3), kind: "return", quantity: 1 },
  { item_id: SCREEN, location_id: KL, at: at(4), kind: "adjustment", reason: "damage", quantity: 1 },
  { item_id: SCREEN, location_id: KL, at: at(5), kind: "adjustment", reason: "found", quantity: 2 },
  { item_id: SCREEN, location_id: KL, at: at(6), kind: "adjustment", reason: "loss", quantity: 1 },
  { item_id: SCREEN, location_id: KL, at: at(7), kind: "adjustment", reason: "correction", quantity: -3 },
];

describe("onHandFromLedger", () => {
  it.each<[string, StockMovement[], Array<[string, string, number]>]>([
    ["every kind: 10 − 2 − 1 + 1 − 1 + 2 − 1 − 3", screenKl, [[SCREEN, KL, 5]]],
    ["replayed in time order whatever the input order", [...screenKl].reverse(), [[SCREEN, KL, 5]]],
    ["a stock take replaces the running figure", [
      ...screenKl,
      { item_id: SCREEN, location_id: KL, at: at(8), kind: "stock_take", counted_quantity: 7 },
      { item_id: SCREEN, location_id: KL, at: at(9), kind: "sale", quantity: 1 },
    ], [[SCREEN, KL, 6]]],
    ["same timestamp: input order decides (count, then sale)", [
      { item_id: SCREEN, location_id: KL, at: at(1), kind: "stock_take", counted_quantity: 4 },
      { item_id: SCREEN, location_id: KL, at: at(1), kind: "sale", quantity: 1 },
    ], [[SCREEN, KL, 3]]],
    ["same timestamp: sale, then count", [
      { item_id: SCREEN, location_id: KL, at: at(1), kind: "sale", quantity: 1 },
      { item_id: SCREEN, location_id: KL, at: at(1), kind: "stock_take", counted_quantity: 4 },
    ], [[SCREEN, KL, 4]]],
    ["items and locations kept apart", [
      { item_id: SCREEN, location_id: KL, at: at(0), kind: "receipt", quantity: 3 },
      { item_id: SCREEN, location_id: PJ, at: at(0), kind: "receipt", quantity: 5 },
      { item_id: BATTERY, location_id: KL, at: at(0), kind: "receipt", quantity: 2 },
      { item_id: SCREEN, location_id: PJ, at: at(1), kind: "sale", quantity: 1 },
    ], [[BATTERY, KL, 2], [SCREEN, KL, 3], [SCREEN, PJ, 4]]],
    ["oversold: sold before the receipt was booked", [
      { item_id: BATTERY, location_id: KL, at: at(0), kind: "sale", quantity: 1 },
    ], [[BATTERY, KL, -1]]],
    ["a counted zero", [
      { item_id: BATTERY, location_id: KL, at: at(0), kind: "receipt", quantity: 2 },
      { item_id: BATTERY, location_id: KL, at: at(1), kind: "stock_take", counted_quantity: 0 },
    ], [[BATTERY, KL, 0]]],
    ["no movements", [], []],
  ])("%s", (_label, movements, expected) => {
    expect(onHandFromLedger(movements).map((l) => [l.item_id, l.location_id, l.on_hand])).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["a damage adjustment with a negative quantity", { item_id: SCREEN, location_id: KL, at: at(0), kind: "adjustment", reason: "damage", quantity: -1 }],
    ["a correction of zero", { item_id: SCREEN, location_id: KL, at: at(0), kind: "adjustment", reason: "correction", quantity: 0 }],
    ["an adjustment without a reason", { item_id: SCREEN, location_id: KL, at: at(0), kind: "adjustment", quantity: 1 }],
    ["a fractional sale", { item_id: SCREEN, location_id: KL, at: at(0), kind: "sale", quantity: 0.5 }],
    ["a negative count", { item_id: SCREEN, location_id: KL, at: at(0), kind: "stock_take", counted_quantity: -1 }],
    ["a time that is not ISO", { item_id: SCREEN, location_id: KL, at: "yesterday", kind: "sale", quantity: 1 }],
  ])("refuses %s", (_label, movement) => {
    expect(() => onHandFromLedger([movement as StockMovement])).toThrow();
  });
});

describe("checkLedgerInvariant", () => {
  it("finds nothing when the stored levels match the ledger", () => {
    expect(checkLedgerInvariant([{ item_id: SCREEN, location_id: KL, on_hand: 5 }], screenKl)).toEqual([]);
  });

  it("lists every kind of mismatch", () => {
    const movements: StockMovement[] = [
      ...screenKl,
      { item_id: SCREEN, location_id: PJ, at: at(0), kind: "receipt", quantity: 4 },
      { item_id: BATTERY, location_id: KL, at: at(0), kind: "sale", quantity: 2 },
    ];
    const levels = [
      { item_id: SCREEN, location_id: KL, on_hand: 6 },
      { item_id: BATTERY, location_id: KL, on_hand: 0 },
      { item_id: "item_cable", location_id: KL, on_hand: 3 },
    ];
    expect(checkLedgerInvariant(levels, movements)).toEqual([
      { item_id: SCREEN, location_id: KL, problem: "quantity_mismatch", recorded_on_hand: 6, ledger_on_hand: 5 },
      { item_id: BATTERY, location_id: KL, problem: "quantity_mismatch", recorded_on_hand: 0, ledger_on_hand: -2 },
      { item_id: "item_cable", location_id: KL, problem: "quantity_mismatch", recorded_on_hand: 3, ledger_on_hand: 0 },
      { item_id: BATTERY, location_id: KL, problem: "negative_on_hand", recorded_on_hand: 0, ledger_on_hand: -2 },
      { item_id: SCREEN, location_id: PJ, problem: "missing_level", recorded_on_hand: null, ledger_on_hand: 4 },
    ]);
  });

  it("accepts a missing level when the ledger nets to zero", () => {
    const movements: StockMovement[] = [
      { item_id: BATTERY, location_id: KL, at: at(0), kind: "receipt", quantity: 1 },
      { item_id: BATTERY, location_id: KL, at: at(1), kind: "repair_consumption", quantity: 1 },
    ];
    expect(checkLedgerInvariant([], movements)).toEqual([]);
  });
});

describe("weightedAverageCost", () => {
  it.each([
    [10, 1000, 10, 1200, 1100, "equal lots average evenly"],
    [3, 1000, 1, 1001, 1000, "4001 / 4 = 1000.25 → 1000"],
    [1, 1000, 1, 1001, 1001, "2001 / 2 = 1000.5 → 1001 (half-up)"],
    [2, 999, 1, 1000, 999, "2998 / 3 = 999.33 → 999"],
    [4, 1000, 1, 0, 800, "a free sample lowers the average"],
    [0, 1500, 5, 1200, 1200, "empty shelf: the receipt's cost"],
    [-2, 1500, 5, 1200, 1200, "oversold shelf: the old average carries no value"],
    [5, 1000, 0, 9999, 1000, "nothing received: unchanged"],
    [0, 0, 0, 0, 0, "nothing at all"],
    [1_000, 4_550, 1, 1_000_000, 5_544, "one costly unit among many: 5 550 000 / 1 001 = 5544.46 → 5544"],
  ])("qty %i @ %i + %i @ %i → %i (%s)", (qty, avg, received, cost, expected) => {
    const result = weightedAverageCost(qty, avg, received, cost);
    expect(result).toBe(expected);
    expect(result).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [1, 100, -1, 100],
    [1, -100, 1, 100],
    [1, 100, 1, -100],
    [1.5, 100, 1, 100],
    [1, 100.5, 1, 100],
  ])("refuses qty %s @ %s + %s @ %s", (qty, avg, received, cost) => {
    expect(() => weightedAverageCost(qty, avg, received, cost)).toThrow(RangeError);
  });
});
