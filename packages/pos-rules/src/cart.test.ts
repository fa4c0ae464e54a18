import type { TaxSettings } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { allocateProRata, computeCartTotals } from "./cart.js";
import type { Cart, CartLine } from "./cart.js";

const exclusive8: TaxSettings = { sst_rate_bp: 800, exempt: false, prices_include_tax: false };
const inclusive8: TaxSettings = { ...exclusive8, prices_include_tax: true };
const line = (id: string, unit: number, quantity = 1, extra: Partial<CartLine> = {}): CartLine => ({
  id, unit_price_sen: unit, quantity, taxable: true, ...extra,
});

describe("allocateProRata", () => {
  it.each([
    [100, [1000, 1000, 1000], [34, 33, 33], "remainder to the first of equal lines"],
    [1914, [12345, 6789, 1], [1235, 679, 0], "remainder to the largest line"],
    [1, [2, 3, 5], [0, 0, 1], "all shares floor to 0, the sen goes to the largest"],
    [2, [1, 1, 1], [1, 1, 0], "remainder spills to the next largest instead of passing a line's own amount"],
    [7, [3, 4], [3, 4], "the whole amount"],
    [0, [5, 5], [0, 0], "nothing to spread"],
    [10, [0, 10], [0, 10], "a free line takes no share"],
  ])("%i over %j → %j (%s)", (amount, weights, expected) => {
    const shares = allocateProRata(amount, weights);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
  });

  it.each([
    [11, [5, 5]],
    [-1, [5]],
    [1, []],
    [1.5, [5]],
  ])("refuses %s over %j", (amount, weights) => {
    expect(() => allocateProRata(amount, weights)).toThrow(RangeError);
  });
});

describe("computeCartTotals", () => {
  it.each<[string, Cart, TaxSettings, { subtotal: number; discount: number; sst: number; total: number; excl: number }]>([
    ["exclusive 8%: 2 × RM 25.00 + RM 19.90, SST 559.2 → 559", { lines: [line("protector", 2500, 2), line("cable", 1990)] }, exclusive8,
      { subtotal: 6990, discount: 0, sst: 559, total: 7549, excl: 6990 }],
    ["inclusive 8%: SST extracted 6990 × 8/108 = 517.78 → 518", { lines: [line("protector", 2500, 2), line("cable", 1990)] }, inclusive8,
      { subtotal: 6990, discount: 0, sst: 518, total: 6990, excl: 6472 }],
    ["half-up at exactly ½ sen: 1025 × 6% = 61.5 → 62", { lines: [line("service", 1025)] }, { ...exclusive8, sst_rate_bp: 600 },
      { subtotal: 1025, discount: 0, sst: 62, total: 1087, excl: 1025 }],
    ["per-item rates 10% / 6% / exempt, taxed per rate group", {
      lines: [line("laptop-ram", 10_000, 1, { sst_rate_bp: 1000 }), line("labour", 5000, 1, { sst_rate_bp: 600 }), line("book", 3000, 1, { taxable: false })],
    }, exclusive8, { subtotal: 18_000, discount: 0, sst: 1300, total: 19_300, excl: 18_000 }],
    ["tax-exempt shop charges no SST", { lines: [line("protector", 2500, 2)] }, { ...exclusive8, exempt: true },
      { subtotal: 5000, discount: 0, sst: 0, total: 5000, excl: 5000 }],
    ["line 15% off 3 × RM 19.99 = 899.55 → 900, SST 407.76 → 408", { lines: [line("case", 1999, 3, { discount: { kind: "percent", percent_bp: 1500 } })] }, exclusive8,
      { subtotal: 5997, discount: 900, sst: 408, total: 5505, excl: 5097 }],
    ["line RM 5 off", { lines: [line("charger", 5000, 1, { discount: { kind: "amount", amount_sen: 500 } })] }, exclusive8,
      { subtotal: 5000, discount: 500, sst: 360, total: 4860, excl: 4500 }],
    ["inclusive with 10% cart discount: 10800 − 1080, SST 720", { lines: [line("screen", 10_800)], discount: { kind: "percent", percent_bp: 1000 } }, inclusive8,
      { subtotal: 10_800, discount: 1080, sst: 720, total: 9720, excl: 9000 }],
    ["100% cart discount", { lines: [line("goodwill", 4500)], discount: { kind: "percent", percent_bp: 10_000 } }, exclusive8,
      { subtotal: 4500, discount: 4500, sst: 0, total: 0, excl: 0 }],
    ["empty cart", { lines: [] }, exclusive8, { subtotal: 0, discount: 0, sst: 0, total: 0, excl: 0 }],
  ])("%s", (_label, cart, tax, expected) => {
    const totals = computeCartTotals(cart, tax);
    expect({ subtotal: totals.subtotal_sen, discount: totals.discount_sen, sst: totals.sst_sen, total: totals.total_sen, excl: totals.total_excluding_sst_sen }).toEqual(expected);
    expect(totals.sst_included).toBe(tax.prices_include_tax && totals.sst_sen > 0);
  });

  it("spreads a cart discount pro rata, remainder on the largest line, then taxes the rest", () => {
    const totals = computeCartTotals({
      lines: [line("a", 12_345), line("b", 6789), line("c", 1)],
      discount: { kind: "percent", percent_bp: 1000 },
    }, exclusive8);
    expect(totals.cart_discount_sen).toBe(1914); // 19135 × 10% = 1913.5 → 1914
    expect(totals.lines.map((l) => l.cart_discount_sen)).toEqual([1235, 679, 0]);
    expect(totals.lines.map((l) => l.net_sen)).toEqual([11_110, 6110, 1]);
    expect(totals.sst_sen).toBe(1378); // 17221 × 8% = 1377.68
    expect(totals.total_sen).toBe(17_221 + 1378);
  });

  it("applies line discounts before the cart discount and reports both", () => {
    const totals = computeCartTotals({
      lines: [line("a", 1000, 1, { discount: { kind: "amount", amount_sen: 100 } }), line("b", 1000), line("c", 1000)],
      discount: { kind: "amount", amount_sen: 100 },
    }, { ...exclusive8, sst_rate_bp: 0 });
    expect(totals.line_discount_sen).toBe(100);
    expect(totals.cart_discount_sen).toBe(100);
    // weights 900/1000/1000: floors 31, 34, 34 = 99; the sen goes to the first 1000 line
    expect(totals.lines.map((l) => l.cart_discount_sen)).toEqual([31, 35, 34]);
    expect(totals.total_sen).toBe(2800);
  });

  it("breaks SST down per rate with what it was charged on", () => {
    const totals = computeCartTotals({
      lines: [line("ram", 10_800, 1, { sst_rate_bp: 800 }), line("svc", 10_600, 1, { sst_rate_bp: 600 })],
    }, inclusive8);
    expect(totals.sst_by_rate).toEqual([
      { sst_rate_bp: 600, taxable_sen: 10_000, sst_sen: 600 },
      { sst_rate_bp: 800, taxable_sen: 10_000, sst_sen: 800 },
    ]);
  });

  it("keeps the books balanced over many carts (lines sum to the totals exactly)", () => {
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed % n; };
    for (let run = 0; run < 300; run++) {
      const lines = Array.from({ length: 1 + next(6) }, (_, i) => line(`l${i}`, next(50_000), 1 + next(4), {
        taxable: next(5) > 0,
        discount: next(3) === 0 ? { kind: "percent", percent_bp: next(5001) } : null,
      }));
      const tax = { sst_rate_bp: [0, 500, 600, 800, 1000][next(5)]!, exempt: false, prices_include_tax: next(2) === 0 };
      const totals = computeCartTotals({ lines, discount: next(2) ? { kind: "percent", percent_bp: next(3001) } : null }, tax);
      const netSum = totals.lines.reduce((s, l) => s + l.net_sen, 0);
      expect(netSum).toBe(totals.subtotal_sen - totals.discount_sen);
      expect(totals.lines.reduce((s, l) => s + l.cart_discount_sen, 0)).toBe(totals.cart_discount_sen);
      expect(totals.lines.every((l) => l.net_sen >= 0)).toBe(true);
      expect(totals.total_sen).toBe(tax.prices_include_tax ? netSum : netSum + totals.sst_sen);
      expect(Number.isInteger(totals.sst_sen)).toBe(true);
    }
  });

  it.each<[string, Cart]>([
    ["line discount above the line", { lines: [line("a", 1000, 1, { discount: { kind: "amount", amount_sen: 1001 } })] }],
    ["cart discount above the cart", { lines: [line("a", 1000)], discount: { kind: "amount", amount_sen: 1001 } }],
    ["fractional price (ringgit, not sen)", { lines: [line("a", 10.5)] }],
    ["zero quantity", { lines: [line("a", 1000, 0)] }],
    ["percent over 100%", { lines: [line("a", 1000, 1, { discount: { kind: "percent", percent_bp: 10_001 } })] }],
  ])("refuses %s", (_label, cart) => {
    expect(() => computeCartTotals(cart, exclusive8)).toThrow();
  });
});

describe("computeCartTotals: promotions and per-line shares", () => {
  it("takes a promotion amount after the line discount and before the cart discount", () => {
    const totals = computeCartTotals({
      lines: [line("charger", 5000, 1, { discount: { kind: "amount", amount_sen: 500 }, promotion_sen: 450 }), line("cable", 1990)],
      discount: { kind: "amount", amount_sen: 100 },
    }, exclusive8);
    expect(totals.promotion_discount_sen).toBe(450);
    expect(totals.discount_sen).toBe(1050);
    expect(totals.lines[0]).toMatchObject({ line_discount_sen: 500, promotion_sen: 450 });
    expect(totals.subtotal_sen - totals.discount_sen).toBe(5940);
  });

  it("refuses a promotion larger than what is left of the line", () => {
    expect(() => computeCartTotals({ lines: [line("cable", 1990, 1, { discount: { kind: "amount", amount_sen: 1000 }, promotion_sen: 1000 })] }, exclusive8))
      .toThrow(/promotion_sen/);
  });

  it.each([exclusive8, inclusive8])("line SST shares and totals add up to the cart's (%j)", (tax) => {
    const totals = computeCartTotals({
      lines: [line("a", 1999, 3), line("b", 1001), line("c", 333, 1, { sst_rate_bp: 600 }), line("d", 500, 1, { taxable: false })],
      discount: { kind: "percent", percent_bp: 700 },
    }, tax);
    expect(totals.lines.reduce((s, l) => s + l.sst_sen, 0)).toBe(totals.sst_sen);
    expect(totals.lines.reduce((s, l) => s + l.total_sen, 0)).toBe(totals.total_sen);
    expect(totals.lines[3]!.sst_sen).toBe(0);
  });
});
