import { describe, expect, it } from "vitest";
import { computeTotals, documentLineSchema, formatRate, type DocumentLineData } from "../index.js";
import { printable } from "../internal/fonts.js";

const lines = (data: DocumentLineData[]) => data.map((l) => documentLineSchema.parse(l));
const tax = { sst_rate_bp: 800, exempt: false, prices_include_tax: false };

describe("computeTotals", () => {
  const repair = lines([
    { kind: "part", description: "Screen", quantity: 1, unit_price_sen: 25000 },
    { kind: "labour_hourly", description: "Fit", hours: 2, hourly_rate_sen: 5000 },
    { kind: "fee", description: "Diagnostic", amount_sen: 3000, waived: true },
  ]);

  it("adds SST on top of the charged lines; waived lines are counted apart", () => {
    expect(computeTotals(repair, tax)).toEqual({ subtotal_sen: 35000, waived_sen: 3000, sst_sen: 2800, sst_rate_bp: 800, total_sen: 37800 });
  });

  it("shows the SST inside the total when prices include it", () => {
    const totals = computeTotals(repair, { ...tax, prices_include_tax: true });
    expect(totals.total_sen).toBe(35000);
    expect(totals.subtotal_sen + totals.sst_sen!).toBe(35000);
    expect(totals.sst_sen).toBe(2593); // 350.00 − 350.00 / 1.08 = 25.93
  });

  it("charges no SST for an exempt shop", () => {
    expect(computeTotals(repair, { ...tax, exempt: true })).toMatchObject({ sst_sen: null, total_sen: 35000 });
  });

  it("rounds labour hours × rate and SST to the sen", () => {
    const odd = lines([{ kind: "labour_hourly", description: "Board work", hours: 1.25, hourly_rate_sen: 4999 }]);
    expect(computeTotals(odd, tax)).toMatchObject({ subtotal_sen: 6249, sst_sen: 500, total_sen: 6749 });
  });

  it("follows the billing rule: SST once on the taxable sum, half up; non-taxable lines carry none", () => {
    const part = (unit: number, taxable = true) => lines([{ kind: "part", description: "P", quantity: 1, unit_price_sen: unit, taxable }])[0]!;
    expect(computeTotals([part(10000), part(5000, false)], tax)).toMatchObject({ subtotal_sen: 15000, sst_sen: 800, total_sen: 15800 });
    expect(computeTotals([part(1990), part(1990), part(1990)], tax)).toMatchObject({ sst_sen: 478, total_sen: 6448 });
    expect(computeTotals([part(625)], { ...tax, sst_rate_bp: 8 })).toMatchObject({ sst_sen: 1 });
    const inclusive = { ...tax, prices_include_tax: true };
    expect(computeTotals([part(1990)], inclusive)).toMatchObject({ subtotal_sen: 1843, sst_sen: 147, total_sen: 1990 });
    expect(computeTotals([part(10800), part(3000, false)], inclusive)).toMatchObject({ subtotal_sen: 13000, sst_sen: 800, total_sen: 13800 });
  });

  it("takes hours with up to 2 decimals", () => {
    expect(computeTotals(lines([{ kind: "labour_hourly", description: "L", hours: 0.33, hourly_rate_sen: 6001 }]), tax).subtotal_sen).toBe(1980);
    expect(() => lines([{ kind: "labour_hourly", description: "L", hours: 1.333, hourly_rate_sen: 6000 }])).toThrow(/2 decimal/);
  });

  it("formats rates", () => {
    expect(formatRate(800)).toBe("8%");
    expect(formatRate(650)).toBe("6.5%");
  });
});

describe("printable", () => {
  it("keeps Latin-1 letters and punctuation and folds the rest to their base letter", () => {
    expect(printable("Şükrü Çelik — RM 1 · café")).toBe("Sükrü Çelik — RM 1 · café");
    expect(printable("Nguyễn Văn Ăn")).toBe("Nguyen Van An");
    expect(printable("bad\u0000control\u0007chars")).toBe("bad control chars");
  });

  it("keeps characters with no Latin form (they stay in the text layer)", () => {
    expect(printable("陈大文")).toBe("陈大文");
  });
});
