import { describe, expect, it } from "vitest";
import { shopDayBounds, shopToday } from "./shop-day";

describe("shop days", () => {
  it.each([
    ["2026-12-01T15:59:59Z", "2026-12-01"],
    ["2026-12-01T16:00:00Z", "2026-12-02"],
    ["2026-11-30T16:00:00Z", "2026-12-01"],
  ])("%s is shop day %s", (instant, day) => {
    expect(shopToday(new Date(instant))).toBe(day);
  });

  it("bounds a shop day in UTC (midnight KL is 16:00 UTC the day before)", () => {
    expect(shopDayBounds("2026-12-01")).toEqual({ from: "2026-11-30T16:00:00.000Z", to: "2026-12-01T16:00:00.000Z" });
    expect(shopDayBounds("1 Dec")).toBeNull();
  });
});
