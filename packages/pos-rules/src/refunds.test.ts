import { describe, expect, it } from "vitest";
import { lineRefundSen, settleRefund } from "./refunds.js";

describe("lineRefundSen", () => {
  it.each([
    // [quantity, total, returned before, units, refund, why]
    [1, 2700, 0, 1, 2700, "the whole single line"],
    [3, 1000, 0, 1, 333, "1 of 3 units of RM 10.00: 333.3 → 333"],
    [3, 1000, 1, 1, 334, "2nd unit: 666.7 → 667 less 333"],
    [3, 1000, 2, 1, 333, "last unit takes what is left"],
    [3, 1000, 0, 3, 1000, "all units at once"],
    [2, 1005, 0, 1, 503, "half a sen rounds up: 502.5 → 503"],
    [2, 1005, 1, 1, 502, "and the second unit gets the rest"],
    [4, 0, 0, 2, 0, "a free line refunds nothing"],
  ])("%i units totalling %i, %i back already, return %i → %i (%s)", (quantity, total, before, units, refund) => {
    expect(lineRefundSen({ quantity, total_sen: total, returned_quantity: before }, units)).toBe(refund);
  });

  it("one unit at a time sums to the line total", () => {
    const line = { quantity: 7, total_sen: 12_345, returned_quantity: 0 };
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += lineRefundSen({ ...line, returned_quantity: i }, 1);
    expect(sum).toBe(12_345);
  });

  it.each([
    [{ quantity: 2, total_sen: 100, returned_quantity: 2 }, 1, /only 0 of 2/],
    [{ quantity: 2, total_sen: 100, returned_quantity: 0 }, 3, /only 2 of 2/],
    [{ quantity: 2, total_sen: 100, returned_quantity: 0 }, 0, /positive integer/],
    [{ quantity: 2, total_sen: 10.5, returned_quantity: 0 }, 1, /integer number of sen/],
  ])("refuses %j returning %i", (line, units, message) => {
    expect(() => lineRefundSen(line, units)).toThrow(message);
  });
});

describe("settleRefund", () => {
  it.each([
    [1003, true, 1005, 2, "cash RM 10.03 → RM 10.05"],
    [1007, true, 1005, -2, "cash RM 10.07 → RM 10.05"],
    [1001, true, 1000, -1, "cash RM 10.01 → RM 10.00"],
    [1008, true, 1010, 2, "cash RM 10.08 → RM 10.10"],
    [1003, false, 1003, 0, "card refunds exactly"],
    [0, true, 0, 0, "nothing to refund"],
  ])("%i sen, cash=%s → paid out %i, rounding %i (%s)", (refund, cash, paidOut, rounding) => {
    expect(settleRefund(refund, cash)).toEqual({ refund_sen: refund, paid_out_sen: paidOut, cash_rounding_sen: rounding });
  });

  it("refuses a negative refund", () => {
    expect(() => settleRefund(-5, true)).toThrow(RangeError);
  });
});
