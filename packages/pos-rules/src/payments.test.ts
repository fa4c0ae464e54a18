import { describe, expect, it } from "vitest";
import { settlePayments } from "./payments.js";
import type { TenderedPayment } from "./payments.js";

const cash = (amount_sen: number): TenderedPayment => ({ method: "cash", amount_sen });
const card = (amount_sen: number): TenderedPayment => ({ method: "card", amount_sen });
const qr = (amount_sen: number): TenderedPayment => ({ method: "duitnow_qr", amount_sen });
const ewallet = (amount_sen: number): TenderedPayment => ({ method: "ewallet", amount_sen });

describe("settlePayments", () => {
  it.each<[string, number, TenderedPayment[], { adj: number; rounded: number; paid: number; change: number; balance: number }]>([
    ["cash RM 20 for RM 10.03: rounds up to 10.05, change 9.95", 1003, [cash(2000)], { adj: 2, rounded: 1005, paid: 1005, change: 995, balance: 0 }],
    ["cash RM 10 for RM 10.02: rounds down, settled", 1002, [cash(1000)], { adj: -2, rounded: 1000, paid: 1000, change: 0, balance: 0 }],
    ["cash RM 10.10 for RM 10.07: rounds to 10.05", 1007, [cash(1010)], { adj: -2, rounded: 1005, paid: 1005, change: 5, balance: 0 }],
    ["card only: exact, never rounded", 1003, [card(1003)], { adj: 0, rounded: 1003, paid: 1003, change: 0, balance: 0 }],
    ["DuitNow QR + e-wallet exact", 5000, [qr(3000), ewallet(2000)], { adj: 0, rounded: 5000, paid: 5000, change: 0, balance: 0 }],
    ["card RM 50 + cash: only the cash part RM 50.03 is rounded", 10_003, [card(5000), cash(6000)], { adj: 2, rounded: 10_005, paid: 10_005, change: 995, balance: 0 }],
    ["cash first in the list, card second: same result", 10_003, [cash(6000), card(5000)], { adj: 2, rounded: 10_005, paid: 10_005, change: 995, balance: 0 }],
    ["card leaves 2 sen, a coin settles it: cash part rounds to 0", 10_002, [card(10_000), cash(10)], { adj: -2, rounded: 10_000, paid: 10_000, change: 10, balance: 0 }],
    ["card leaves 2 sen, no cash: 2 sen still due", 10_002, [card(10_000)], { adj: 0, rounded: 10_002, paid: 10_000, change: 0, balance: 2 }],
    ["cash deposit (partial): nothing rounded, exact balance", 10_003, [cash(5000)], { adj: 0, rounded: 10_003, paid: 5000, change: 0, balance: 5003 }],
    ["card deposit (partial)", 10_003, [card(4000)], { adj: 0, rounded: 10_003, paid: 4000, change: 0, balance: 6003 }],
    ["RM 10 cash on RM 10.03 is short of the rounded 10.05", 1003, [cash(1000)], { adj: 0, rounded: 1003, paid: 1000, change: 0, balance: 3 }],
    ["two cash notes", 1003, [cash(500), cash(1000)], { adj: 2, rounded: 1005, paid: 1005, change: 495, balance: 0 }],
    ["nothing owed, nothing paid", 0, [], { adj: 0, rounded: 0, paid: 0, change: 0, balance: 0 }],
    ["nothing paid yet", 4999, [], { adj: 0, rounded: 4999, paid: 0, change: 0, balance: 4999 }],
  ])("%s", (_label, total, payments, expected) => {
    const s = settlePayments(total, payments);
    expect(s.errors).toEqual([]);
    expect(s.ok).toBe(true);
    expect({ adj: s.cash_rounding_adjustment_sen, rounded: s.rounded_total_sen, paid: s.paid_sen, change: s.change_sen, balance: s.balance_due_sen }).toEqual(expected);
    expect(s.applied.reduce((sum, p) => sum + p.applied_sen, 0)).toBe(s.paid_sen);
    expect(s.paid_sen + s.balance_due_sen).toBe(s.balance_due_sen === 0 ? s.rounded_total_sen : total);
    expect(s.tendered_sen - s.change_sen).toBe(s.paid_sen);
  });

  it("takes change out of cash only", () => {
    const s = settlePayments(1003, [card(500), cash(1000)]);
    expect(s.applied).toEqual([
      { method: "card", amount_sen: 500, applied_sen: 500 },
      { method: "cash", amount_sen: 1000, applied_sen: 505 },
    ]);
  });

  it.each<[string, number, TenderedPayment[], string[]]>([
    ["card above the bill", 1003, [card(1005)], ["payments[0].amount_sen"]],
    ["e-wallet crosses what the QR payment left", 5000, [qr(3000), cash(100), ewallet(2500)], ["payments[2].amount_sen"]],
    ["a zero payment", 1000, [cash(0)], ["payments[0].amount_sen"]],
    ["ringgit instead of sen", 1000, [card(10.5)], ["payments[0].amount_sen"]],
    ["an unknown method", 1000, [{ method: "cheque" as never, amount_sen: 1000 }], ["payments[0].method"]],
    ["a negative total", -100, [cash(100)], ["total_sen"]],
  ])("refuses %s, naming the field", (_label, total, payments, fields) => {
    const s = settlePayments(total, payments);
    expect(s.ok).toBe(false);
    expect(s.errors.map((e) => e.field)).toEqual(fields);
    expect(s.change_sen).toBe(0);
  });
});
