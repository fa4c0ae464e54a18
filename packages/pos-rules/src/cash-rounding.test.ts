import { describe, expect, it } from "vitest";
import { cashRoundingAdjustmentSen, roundCashSen } from "./cash-rounding.js";

describe("roundCashSen (BNM 5-sen rounding)", () => {
  it.each([
    // [exact sen, rounded sen, why]
    [0, 0, "zero"],
    [1, 0, "RM 0.01 → RM 0.00"],
    [2, 0, "RM 0.02 → RM 0.00"],
    [3, 5, "RM 0.03 → RM 0.05"],
    [4, 5, "RM 0.04 → RM 0.05"],
    [5, 5, "already a 5"],
    [6, 5, "RM 0.06 → RM 0.05"],
    [7, 5, "RM 0.07 → RM 0.05"],
    [8, 10, "RM 0.08 → RM 0.10"],
    [9, 10, "RM 0.09 → RM 0.10"],
    [10, 10, "already a 10"],
    [1001, 1000, "RM 10.01 → RM 10.00"],
    [1002, 1000, "RM 10.02 → RM 10.00"],
    [1003, 1005, "RM 10.03 → RM 10.05"],
    [1004, 1005, "RM 10.04 → RM 10.05"],
    [1006, 1005, "RM 10.06 → RM 10.05"],
    [1007, 1005, "RM 10.07 → RM 10.05"],
    [1008, 1010, "RM 10.08 → RM 10.10"],
    [1099, 1100, "RM 10.99 → RM 11.00 (carries into the ringgit)"],
    [999_998, 1_000_000, "RM 9,999.98 → RM 10,000.00"],
    [-3, -5, "refund −RM 0.03 → −RM 0.05"],
    [-7, -5, "refund −RM 0.07 → −RM 0.05"],
    [-1, 0, "refund −RM 0.01 → RM 0.00 (no negative zero)"],
    [-2, 0, "refund −RM 0.02 → RM 0.00"],
    [-8, -10, "refund −RM 0.08 → −RM 0.10"],
    [-1099, -1100, "refund −RM 10.99 → −RM 11.00"],
  ])("%i sen → %i sen (%s)", (exact, rounded) => {
    const result = roundCashSen(exact);
    expect(result).toBe(rounded);
    expect(Object.is(result, -0)).toBe(false);
    expect(roundCashSen(-exact)).toBe(rounded === 0 ? 0 : -rounded);
  });

  it.each([0.5, 10.03, Number.NaN, Infinity])("refuses %s (money is integer sen)", (bad) => {
    expect(() => roundCashSen(bad)).toThrow(RangeError);
  });
});

describe("cashRoundingAdjustmentSen", () => {
  it.each([
    [1000, 0],
    [1001, -1],
    [1002, -2],
    [1003, 2],
    [1004, 1],
    [1006, -1],
    [1007, -2],
    [1008, 2],
    [1009, 1],
    [-1003, -2],
    [-1007, 2],
  ])("%i sen → adjustment %i sen", (exact, adjustment) => {
    expect(cashRoundingAdjustmentSen(exact)).toBe(adjustment);
    expect(exact + cashRoundingAdjustmentSen(exact)).toBe(roundCashSen(exact));
  });

  it("never moves more than 2 sen either way", () => {
    for (let sen = -500; sen <= 500; sen++) {
      const adj = cashRoundingAdjustmentSen(sen);
      expect(Math.abs(adj)).toBeLessThanOrEqual(2);
      expect(Math.abs(roundCashSen(sen)) % 5).toBe(0);
    }
  });
});
