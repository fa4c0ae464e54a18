import { endOfShopDayAfter, shopMonthUtcRange } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { computeDocumentTotals, documentLineSchema } from "../domain/lines";
import { documentNumber, seriesKey } from "../domain/numbering";
import {
  canMoveQuotation, checkInvoicePayment, followUpActive, invoicePaymentState, QUOTATION_STATUSES, quotationConvertible, quotationEditable,
} from "../domain/status";

const tax = { sst_rate_bp: 800, exempt: false, prices_include_tax: false };
const line = (over: Record<string, unknown>) => documentLineSchema.parse({ description: "x", quantity: 1, unit_price_sen: 1000, ...over });

describe("numbering", () => {
  it.each([
    ["2026-12-31T15:59:59.999Z", "QUO-2026"],
    ["2026-12-31T16:00:00.000Z", "QUO-2027"], // local midnight in Kuala Lumpur
  ])("series of %s is %s", (at, series) => {
    expect(seriesKey("QUO", new Date(at)).series).toBe(series);
  });

  it("formats QUO and INV numbers with six digits", () => {
    expect(documentNumber("QUO", 2026, 42)).toBe("QUO-2026-000042");
    expect(documentNumber("INV", 2026, 1_234_567)).toBe("INV-2026-1234567");
    expect(() => documentNumber("QUO", 2026, 0)).toThrow(RangeError);
  });

  it.each([
    ["2026-11-30T02:00:00Z", 14, "2026-12-14T15:59:59.999Z"],
    ["2026-11-30T17:00:00Z", 1, "2026-12-02T15:59:59.999Z"], // 1 Dec local already
  ])("valid until: %s + %i days → %s (end of local day)", (issued, days, until) => {
    expect(endOfShopDayAfter(new Date(issued), days).toISOString()).toBe(until);
  });

  it("month ranges run local midnight to local midnight", () => {
    expect(shopMonthUtcRange("2026-11")).toEqual({ from: new Date("2026-10-31T16:00:00Z"), to: new Date("2026-11-30T16:00:00Z") });
    expect(shopMonthUtcRange("2026-12").to).toEqual(new Date("2026-12-31T16:00:00Z"));
    expect(() => shopMonthUtcRange("2026-13")).toThrow(RangeError);
  });
});

describe("quotation status", () => {
  it.each([
    ["draft", "sent", true], ["sent", "accepted", true], ["accepted", "converted", true], ["converted", "draft", false],
    ["declined", "accepted", false], ["sent", "converted", true], ["expired", "draft", true], ["accepted", "sent", false],
  ] as const)("%s → %s allowed: %s", (from, to, ok) => {
    expect(canMoveQuotation(from, to)).toBe(ok);
  });

  it("edits only open quotations, converts open or accepted ones, follows up only sent ones", () => {
    expect(QUOTATION_STATUSES.filter((s) => quotationEditable(s))).toEqual(["draft", "sent"]);
    expect(quotationConvertible("accepted")).toBe(true);
    expect(quotationConvertible("converted")).toBe(false);
    expect(quotationConvertible("declined")).toBe(false);
    expect(followUpActive("sent")).toBe(true);
    expect(followUpActive("accepted")).toBe(false);
  });
});

describe("invoice payments", () => {
  it.each([
    [10000, [], "unpaid", 0, 10000],
    [10000, [3000], "partially_paid", 3000, 7000],
    [10000, [3000, 7000], "paid", 10000, 0],
    [0, [], "paid", 0, 0],
  ] as const)("total %i with payments %j → %s", (total, amounts, status, paid, balance) => {
    expect(invoicePaymentState(total, amounts.map((amount_sen) => ({ amount_sen })))).toEqual({ status, paid_sen: paid, balance_sen: balance });
  });

  it.each([
    [7000, 7000, true], [7000, 7001, false], [7000, 0, false], [0, 1, false], [7000, 1.5, false],
  ])("balance %i, paying %d → ok %s", (balance, amount, ok) => {
    const check = checkInvoicePayment(balance, amount);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.field).toBe("amount_sen");
  });
});

describe("document totals", () => {
  it("applies line discounts and SST once per rate, half-up", () => {
    const totals = computeDocumentTotals([line({ quantity: 2, unit_price_sen: 45000, discount_sen: 5000 }), line({ unit_price_sen: 8000, kind: "service" })], tax);
    expect(totals).toMatchObject({ subtotal_sen: 98000, discount_sen: 5000, sst_sen: 7440, total_sen: 100440 });
    expect(totals.lines.map((l) => l.net_sen)).toEqual([85000, 8000]);
  });

  it("leaves exempt lines out of SST and keeps inclusive prices", () => {
    const totals = computeDocumentTotals([line({ unit_price_sen: 10800 }), line({ unit_price_sen: 500, taxable: false })], { ...tax, prices_include_tax: true });
    expect(totals).toMatchObject({ total_sen: 11300, sst_sen: 800 });
  });

  it("refuses a discount larger than its line", () => {
    expect(() => computeDocumentTotals([line({ discount_sen: 1001 })], tax)).toThrow(/lines\[0\]\.discount/);
  });
});
