import { describe, expect, it } from "vitest";
import {
  computeBillingTotals,
  divideRoundHalfUp,
  formatInvoiceNumber,
  lineAmountSen,
  lineGrossSen,
  linesToWaiveOnApproval,
  parseInvoiceNumber,
  type PricedLine,
  type TaxSettings,
} from "./repair-billing.js";

const part = (unit: number, quantity = 1, extra: Partial<PricedLine> = {}): PricedLine => ({
  kind: "part", quantity, unit_price_sen: unit, taxable: true, waived: false, ...extra,
});
const hourly = (hours: number, rate: number, extra: Partial<PricedLine> = {}): PricedLine => ({
  kind: "labour", quantity: 1, unit_price_sen: 0, hours, rate_sen: rate, taxable: true, waived: false, ...extra,
});
const fee = (amount: number, extra: Partial<PricedLine> = {}): PricedLine => ({
  kind: "fee", quantity: 1, unit_price_sen: amount, taxable: true, waived: false, ...extra,
});

const EXCLUSIVE: TaxSettings = { sst_rate_bp: 800, exempt: false, prices_include_tax: false };
const INCLUSIVE: TaxSettings = { sst_rate_bp: 800, exempt: false, prices_include_tax: true };
const EXEMPT: TaxSettings = { sst_rate_bp: 800, exempt: true, prices_include_tax: false };

describe("divideRoundHalfUp", () => {
  it.each([
    [5, 10, 1], [4, 10, 0], [15, 10, 2], [25, 10, 3], [0, 7, 0], [1592, 1000, 2], [1500, 1000, 2], [1499, 1000, 1],
  ])("%i / %i → %i", (n, d, expected) => expect(divideRoundHalfUp(n, d)).toBe(expected));

  it("refuses negatives, fractions and a zero divisor", () => {
    expect(() => divideRoundHalfUp(-1, 10)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 10)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe("line amounts", () => {
  it.each<[string, PricedLine, number]>([
    ["part × quantity", part(35000, 2), 70000],
    ["fixed labour", { ...part(8000), kind: "labour" }, 8000],
    ["hourly labour 1.5 h × RM60", hourly(1.5, 6000), 9000],
    ["hourly labour 0.33 h × RM60.01 rounds half-up", hourly(0.33, 6001), 1980],
    ["hourly labour 0.25 h × RM0.10 (2.5 sen → 3)", hourly(0.25, 10), 3],
    ["diagnostic fee", fee(3000), 3000],
  ])("%s", (_, line, expected) => expect(lineAmountSen(line)).toBe(expected));

  it("a waived line adds nothing but keeps its gross amount", () => {
    expect(lineAmountSen(fee(3000, { waived: true }))).toBe(0);
    expect(lineGrossSen(fee(3000, { waived: true }))).toBe(3000);
  });

  it("refuses hours with more than 2 decimals", () => expect(() => lineGrossSen(hourly(1.333, 6000))).toThrow(RangeError));
});

describe("computeBillingTotals", () => {
  it.each<[string, PricedLine[], TaxSettings, number, Partial<ReturnType<typeof computeBillingTotals>>]>([
    ["exclusive: SST on top of taxable lines",
      [part(35000), { ...part(8000), kind: "labour" }], EXCLUSIVE, 0,
      { subtotal_sen: 43000, taxable_sen: 43000, sst_sen: 3440, total_sen: 46440, amount_due_sen: 46440 }],
    ["exclusive: a non-taxable line carries no SST",
      [part(10000), part(5000, 1, { taxable: false })], EXCLUSIVE, 0,
      { subtotal_sen: 15000, taxable_sen: 10000, sst_sen: 800, total_sen: 15800 }],
    ["exclusive: SST rounds half-up once on the sum (1990 × 8% = 159.2 → 159)",
      [part(1990)], EXCLUSIVE, 0, { sst_sen: 159, total_sen: 2149 }],
    ["exclusive: exactly half a sen rounds up (RM6.25 × 0.08% = 0.5 sen → 1)",
      [part(625)], { ...EXCLUSIVE, sst_rate_bp: 8 }, 0, { sst_sen: 1 }],
    ["exclusive: per-invoice rounding, not per line (3 × 159.2 = 477.6 → 478)",
      [part(1990), part(1990), part(1990)], EXCLUSIVE, 0, { sst_sen: 478, total_sen: 6448 }],
    ["inclusive: SST is carried inside the price (10800 → 800 SST)",
      [part(10800)], INCLUSIVE, 0, { subtotal_sen: 10000, taxable_sen: 10000, sst_sen: 800, total_sen: 10800 }],
    ["inclusive: rounding of the carried SST (1990 × 8/108 = 147.4 → 147)",
      [part(1990)], INCLUSIVE, 0, { subtotal_sen: 1843, sst_sen: 147, total_sen: 1990 }],
    ["inclusive: non-taxable lines are not split",
      [part(10800), fee(3000, { taxable: false })], INCLUSIVE, 0, { subtotal_sen: 13000, sst_sen: 800, total_sen: 13800 }],
    ["exempt shop charges no SST",
      [part(35000)], EXEMPT, 0, { subtotal_sen: 35000, sst_sen: 0, total_sen: 35000 }],
    ["exempt shop with inclusive prices keeps the price as is",
      [part(35000)], { ...INCLUSIVE, exempt: true }, 0, { subtotal_sen: 35000, sst_sen: 0, total_sen: 35000 }],
    ["a rate of zero charges nothing",
      [part(35000)], { ...EXCLUSIVE, sst_rate_bp: 0 }, 0, { sst_sen: 0, total_sen: 35000 }],
    ["deposit is deducted from the amount due",
      [part(35000)], EXCLUSIVE, 5000, { total_sen: 37800, deposit_applied_sen: 5000, deposit_refund_sen: 0, amount_due_sen: 32800 }],
    ["a deposit larger than the total is refunded, never negative due",
      [fee(3000)], EXCLUSIVE, 5000, { total_sen: 3240, deposit_applied_sen: 3240, deposit_refund_sen: 1760, amount_due_sen: 0 }],
    ["waived diagnostic fee is not billed nor taxed, and is reported",
      [part(35000), fee(3000, { waived: true })], EXCLUSIVE, 0, { subtotal_sen: 35000, sst_sen: 2800, total_sen: 37800, waived_sen: 3000 }],
    ["no lines: all zero",
      [], EXCLUSIVE, 0, { subtotal_sen: 0, sst_sen: 0, total_sen: 0, amount_due_sen: 0 }],
  ])("%s", (_, lines, tax, deposit, expected) => {
    expect(computeBillingTotals(lines, tax, deposit)).toMatchObject(expected);
  });

  it("keeps subtotal + SST = total in both modes", () => {
    for (const tax of [EXCLUSIVE, INCLUSIVE]) {
      const t = computeBillingTotals([part(1999, 3), hourly(1.25, 5500), fee(3000, { taxable: false })], tax);
      expect(t.subtotal_sen + t.sst_sen).toBe(t.total_sen);
    }
  });

  it("refuses a negative or fractional deposit", () => {
    expect(() => computeBillingTotals([], EXCLUSIVE, -1)).toThrow(RangeError);
    expect(() => computeBillingTotals([], EXCLUSIVE, 1.5)).toThrow(RangeError);
  });
});

describe("diagnostic fee waiver on approval", () => {
  const lines = [
    { id: "a", kind: "fee" as const, fee_type: "diagnostic" as const, waived: false },
    { id: "b", kind: "part" as const, fee_type: null, waived: false },
    { id: "c", kind: "fee" as const, fee_type: "diagnostic" as const, waived: true },
  ];
  it("waives unwaived diagnostic fees when the shop is configured to", () => {
    expect(linesToWaiveOnApproval(lines, { waive_diagnostic_fee_on_approval: true })).toEqual(["a"]);
  });
  it("waives nothing when the shop charges the fee anyway", () => {
    expect(linesToWaiveOnApproval(lines, { waive_diagnostic_fee_on_approval: false })).toEqual([]);
  });
});

describe("invoice numbers", () => {
  it("pads to six digits", () => expect(formatInvoiceNumber(2026, 1)).toBe("INV-2026-000001"));
  it("grows past a million", () => expect(formatInvoiceNumber(2026, 1_234_567)).toBe("INV-2026-1234567"));
  it("round-trips", () => expect(parseInvoiceNumber("inv-2026-000042")).toEqual({ prefix: "INV", year: 2026, sequence: 42 }));
  it("refuses a job number and junk", () => {
    expect(parseInvoiceNumber("VSH-2026-000001")).toBeNull();
    expect(parseInvoiceNumber("INV-26-1")).toBeNull();
  });
  it("refuses a zero sequence and a bad year", () => {
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatInvoiceNumber(26, 1)).toThrow(RangeError);
  });
});
