import { describe, expect, it } from "vitest";
import { settlePickupPayments } from "./pickup-payments.js";

describe("settlePickupPayments", () => {
  it("accepts an exact split payment", () => {
    const r = settlePickupPayments(37800, [{ method: "card", amount_sen: 30000 }, { method: "duitnow_qr", amount_sen: 7800 }]);
    expect(r).toMatchObject({ ok: true, paid_sen: 37800, change_sen: 0 });
  });
  it("gives change out of cash", () => {
    const r = settlePickupPayments(37800, [{ method: "card", amount_sen: 30000 }, { method: "cash", amount_sen: 10000 }]);
    expect(r).toMatchObject({ ok: true, change_sen: 2200 });
    if (r.ok) expect(r.applied.map((p) => p.applied_sen)).toEqual([30000, 7800]);
  });
  it("names the shortfall", () => {
    expect(settlePickupPayments(37800, [{ method: "cash", amount_sen: 37000 }])).toMatchObject({ ok: false, shortfall_sen: 800 });
  });
  it("refuses card payments above the amount due (no change for a card)", () => {
    expect(settlePickupPayments(10000, [{ method: "card", amount_sen: 12000 }])).toMatchObject({ ok: false, shortfall_sen: 0 });
  });
  it("accepts nothing to pay with no payments", () => {
    expect(settlePickupPayments(0, [])).toMatchObject({ ok: true, paid_sen: 0, change_sen: 0 });
  });
  it("takes cash to the sen: no 5-sen rounding at pickup", () => {
    expect(settlePickupPayments(10003, [{ method: "cash", amount_sen: 10003 }])).toMatchObject({ ok: true, paid_sen: 10003, change_sen: 0 });
    expect(settlePickupPayments(10003, [{ method: "cash", amount_sen: 10000 }])).toMatchObject({ ok: false, shortfall_sen: 3 });
  });
});
