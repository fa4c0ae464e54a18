import { describe, expect, it } from "vitest";
import { needsManagerApproval } from "./discount-approval.js";
import type { DiscountApprovalLimits, DiscountUnderReview } from "./discount-approval.js";

const limits: DiscountApprovalLimits = {
  line: { max_percent_bp: 1000, max_amount_sen: 5000 },
  cart: { max_percent_bp: 500, max_amount_sen: 10_000 },
};

describe("needsManagerApproval", () => {
  it.each<[string, DiscountUnderReview, string[], number]>([
    ["line 10% exactly at the limit", { scope: "line", discount: { kind: "percent", percent_bp: 1000 }, base_sen: 20_000 }, [], 2000],
    ["line 10.01%", { scope: "line", discount: { kind: "percent", percent_bp: 1001 }, base_sen: 20_000 }, ["percent"], 2002],
    ["line RM 50 exactly at the amount limit (5%)", { scope: "line", discount: { kind: "amount", amount_sen: 5000 }, base_sen: 100_000 }, [], 5000],
    ["line RM 50.01", { scope: "line", discount: { kind: "amount", amount_sen: 5001 }, base_sen: 100_000 }, ["amount"], 5001],
    ["line RM 20.01 off RM 200 is 10.005%", { scope: "line", discount: { kind: "amount", amount_sen: 2001 }, base_sen: 20_000 }, ["percent"], 2001],
    ["line 10% of RM 600 is RM 60", { scope: "line", discount: { kind: "percent", percent_bp: 1000 }, base_sen: 60_000 }, ["amount"], 6000],
    ["line 20% of RM 600", { scope: "line", discount: { kind: "percent", percent_bp: 2000 }, base_sen: 60_000 }, ["percent", "amount"], 12_000],
    ["cart 5% of RM 3,000 is RM 150", { scope: "cart", discount: { kind: "percent", percent_bp: 500 }, base_sen: 300_000 }, ["amount"], 15_000],
    ["cart 6% of RM 100", { scope: "cart", discount: { kind: "percent", percent_bp: 600 }, base_sen: 10_000 }, ["percent"], 600],
    ["the same 6% on a line is fine", { scope: "line", discount: { kind: "percent", percent_bp: 600 }, base_sen: 10_000 }, [], 600],
    ["no discount", { scope: "cart", discount: { kind: "amount", amount_sen: 0 }, base_sen: 10_000 }, [], 0],
    ["money off an empty base", { scope: "cart", discount: { kind: "amount", amount_sen: 1 }, base_sen: 0 }, ["percent"], 1],
    ["percent rounds half-up like the cart: 12.5% of 4 sen = 0.5 → 1", { scope: "line", discount: { kind: "percent", percent_bp: 1250 }, base_sen: 4 }, ["percent"], 1],
  ])("%s", (_label, discount, exceeded, discountSen) => {
    const decision = needsManagerApproval(discount, limits);
    expect(decision.exceeded).toEqual(exceeded);
    expect(decision.required).toBe(exceeded.length > 0);
    expect(decision.discount_sen).toBe(discountSen);
  });

  it("never asks when the shop sets no limits", () => {
    const open: DiscountApprovalLimits = { line: { max_percent_bp: null, max_amount_sen: null }, cart: { max_percent_bp: null, max_amount_sen: null } };
    expect(needsManagerApproval({ scope: "cart", discount: { kind: "percent", percent_bp: 10_000 }, base_sen: 999_999 }, open).required).toBe(false);
  });

  it("refuses nonsense input", () => {
    expect(() => needsManagerApproval({ scope: "line", discount: { kind: "percent", percent_bp: 10_001 }, base_sen: 100 }, limits)).toThrow();
    expect(() => needsManagerApproval({ scope: "line", discount: { kind: "amount", amount_sen: 1 }, base_sen: -1 }, limits)).toThrow(RangeError);
  });
});
