import { describe, expect, it } from "vitest";
import { countShift, expectedDrawerSen } from "./shifts.js";

describe("shift cash count", () => {
  it.each([
    // [float, cash sales, cash refunds, counted, expected, variance, why]
    [20_000, 0, 0, 20_000, 20_000, 0, "quiet day, drawer as opened"],
    [20_000, 15_495, 0, 35_495, 35_495, 0, "sales counted exactly"],
    [20_000, 15_495, 2_705, 32_700, 32_790, -90, "a refund paid out, RM 0.90 short"],
    [10_000, 5_000, 0, 15_100, 15_000, 100, "RM 1.00 over"],
    [0, 0, 0, 0, 0, 0, "no float"],
  ])("float %i + sales %i − refunds %i, counted %i → expected %i, variance %i (%s)", (float, sales, refunds, counted, expected, variance) => {
    const flows = { opening_float_sen: float, cash_sales_sen: sales, cash_refunds_sen: refunds };
    expect(expectedDrawerSen(flows)).toBe(expected);
    expect(countShift(flows, counted)).toEqual({ expected_cash_sen: expected, counted_cash_sen: counted, variance_sen: variance });
  });

  it.each([
    [{ opening_float_sen: -1, cash_sales_sen: 0, cash_refunds_sen: 0 }, 0, /opening_float_sen/],
    [{ opening_float_sen: 0, cash_sales_sen: 0.5, cash_refunds_sen: 0 }, 0, /cash_sales_sen/],
    [{ opening_float_sen: 0, cash_sales_sen: 0, cash_refunds_sen: 0 }, -5, /counted_cash_sen/],
  ])("refuses %j counted %i", (flows, counted, message) => {
    expect(() => countShift(flows, counted)).toThrow(message);
  });
});
