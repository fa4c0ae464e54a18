import { describe, expect, it } from "vitest";
import type { PaymentMethod } from "@voltura/domain";
import { checkRefundRules, DEFAULT_REFUND_APPROVAL_LIMIT_SEN, type EarlierRefund, type RefundTender } from "./refund-approval.js";

const cash = (amount_sen: number): RefundTender => ({ method: "cash", amount_sen });
const card = (amount_sen: number): RefundTender => ({ method: "card", amount_sen });

describe("checkRefundRules", () => {
  it.each<[string, number, PaymentMethod | null, RefundTender[], EarlierRefund[], number | null, PaymentMethod, string[]]>([
    // [why, refund, method asked, tenders, earlier refunds, limit, method used, reasons]
    ["cash sale back in cash", 2149, "cash", [cash(2150)], [], 20_000, "cash", []],
    ["card sale back to the card", 5000, "card", [card(5000)], [], 20_000, "card", []],
    ["card sale in cash from the drawer", 5000, "cash", [card(5000)], [], 20_000, "cash", ["method_not_tendered"]],
    ["card sale by bank transfer", 5000, "bank_transfer", [card(5000)], [], 20_000, "bank_transfer", ["method_not_tendered"]],
    ["split sale: the cash part back in cash", 1000, "cash", [cash(1000), card(4000)], [], 20_000, "cash", []],
    ["split sale: more cash than was paid in cash", 1500, "cash", [cash(1000), card(4000)], [], 20_000, "cash", ["method_exceeds_tender"]],
    ["cash already refunded earlier", 600, "cash", [cash(1000)], [{ method: "cash", refund_sen: 500 }], 20_000, "cash", ["method_exceeds_tender"]],
    ["exactly the limit is allowed", 20_000, "card", [card(30_000)], [], 20_000, "card", []],
    ["one sen above the limit", 20_001, "card", [card(30_000)], [], 20_000, "card", ["above_refund_limit"]],
    ["no limit set", 90_000, "card", [card(90_000)], [], null, "card", []],
    ["both rules at once", 25_000, "cash", [card(30_000)], [], 20_000, "cash", ["method_not_tendered", "above_refund_limit"]],
    ["default follows the only tender", 5000, null, [card(5000)], [], 20_000, "card", []],
    ["default follows the larger tender", 3000, null, [cash(1000), card(4000)], [], 20_000, "card", []],
    ["default after an earlier card refund", 800, null, [cash(1000), card(4000)], [{ method: "card", refund_sen: 3500 }], 20_000, "cash", []],
    ["ties go to the first tender", 100, null, [card(1000), cash(1000)], [], 20_000, "card", []],
    ["default that cannot cover it still needs a manager", 3000, null, [cash(2000), card(2000)], [], 20_000, "cash", ["method_exceeds_tender"]],
  ])("%s", (_why, refund, method, tenders, earlier, limit, used, reasons) => {
    const decision = checkRefundRules({ refund_sen: refund, method, tenders, earlier_refunds: earlier, limit_sen: limit });
    expect(decision.method).toBe(used);
    expect(decision.reasons.map((r) => r.code)).toEqual(reasons);
    expect(decision.approval_required).toBe(reasons.length > 0);
  });

  it("names the methods paid with and the amounts in its messages", () => {
    const decision = checkRefundRules({ refund_sen: 25_000, method: "cash", tenders: [card(30_000)], earlier_refunds: [], limit_sen: 20_000 });
    expect(decision.reasons[0]).toMatchObject({ code: "method_not_tendered", tendered: ["card"] });
    expect(decision.reasons[0]!.message).toContain("paid by card");
    expect(decision.reasons[1]!.message).toContain("RM 200.00");
    expect(decision.default_method).toBe("card");
    expect(decision.available_by_method).toEqual({ card: 30_000 });
  });

  it("defaults the limit to RM 200", () => {
    expect(DEFAULT_REFUND_APPROVAL_LIMIT_SEN).toBe(20_000);
  });

  it.each([
    [{ refund_sen: -1, method: "cash" as const, tenders: [cash(100)], earlier_refunds: [], limit_sen: null }, /negative/],
    [{ refund_sen: 10.5, method: "cash" as const, tenders: [cash(100)], earlier_refunds: [], limit_sen: null }, /integer number of sen/],
    [{ refund_sen: 100, method: null, tenders: [], earlier_refunds: [], limit_sen: null }, /no tenders/],
  ])("refuses %j", (input, message) => {
    expect(() => checkRefundRules(input)).toThrow(message);
  });
});
