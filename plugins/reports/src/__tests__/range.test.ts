import { shopDayOf, shopMonthOf, startOfShopDay } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { monthsOf, shopDayRange } from "../domain/range";
import { rangeOf } from "../api/admin/reports/query";

describe("shop-time day ranges (Asia/Kuala_Lumpur, UTC+8)", () => {
  it.each([
    ["2026-11-29T15:59:59.999Z", "2026-11-29"],
    ["2026-11-29T16:00:00.000Z", "2026-11-30"], // local midnight
    ["2026-12-31T16:00:00.000Z", "2027-01-01"],
    ["2028-02-28T16:30:00.000Z", "2028-02-29"], // leap day
  ])("%s is shop day %s", (at, day) => {
    expect(shopDayOf(new Date(at))).toBe(day);
  });

  it("starts a day at local midnight", () => {
    expect(startOfShopDay("2026-11-30").toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(shopMonthOf(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12");
  });

  it("covers from-day 00:00 to the end of to-day, half-open, listing every day", () => {
    const range = shopDayRange("2026-11-29", "2026-12-01");
    expect(range.from.toISOString()).toBe("2026-11-28T16:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(range.days).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(monthsOf(range)).toEqual(["2026-11", "2026-12"]);
    expect(shopDayRange("2026-11-30", "2026-11-30").days).toEqual(["2026-11-30"]);
  });

  it.each([
    ["2026-12-01", "2026-11-30", /before/],
    ["2026-02-30", "2026-03-01", /calendar date/],
    ["2026/11/01", "2026-11-02", /2026-11-30/],
    ["2025-01-01", "2026-12-31", /at most 366 days/],
  ])("refuses %s … %s", (from, to, message) => {
    expect(() => shopDayRange(from, to)).toThrow(message);
  });

  it("defaults to the last 30 shop days up to today", () => {
    const range = rangeOf({}, new Date("2026-11-30T17:00:00Z")); // 1 Dec, 1 am in KL
    expect(range.days[0]).toBe("2026-11-02");
    expect(range.days.at(-1)).toBe("2026-12-01");
    expect(range.days).toHaveLength(30);
  });
});
