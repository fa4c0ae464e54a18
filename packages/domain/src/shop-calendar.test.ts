import { describe, expect, it } from "vitest";
import {
  addShopMonths,
  endOfShopDayAfter,
  isoToShopLocal,
  isShopDay,
  shopDayOf,
  shopDaySchema,
  shopDaysUtcRange,
  shopLocalToIso,
  shopMonthOf,
  shopMonthUtcRange,
  shopTimeZone,
  startOfShopDay,
} from "./shop-calendar.js";
import { shopDate } from "./time.js";

describe("shop day of an instant (Kuala Lumpur, UTC+8)", () => {
  it.each([
    ["2026-11-29T15:59:59.999Z", "2026-11-29"],
    ["2026-11-29T16:00:00.000Z", "2026-11-30"], // local midnight
    ["2026-11-30T16:00:00.000Z", "2026-12-01"], // month edge
    ["2026-12-31T15:59:59.999Z", "2026-12-31"],
    ["2026-12-31T16:00:00.000Z", "2027-01-01"], // year edge
    ["2028-02-28T16:30:00.000Z", "2028-02-29"], // leap day
  ])("%s is shop day %s", (at, day) => {
    expect(shopDayOf(new Date(at))).toBe(day);
    expect(shopDayOf(Date.parse(at))).toBe(day);
    expect(shopDate(new Date(at))).toBe(day); // the Intl reading of the zone agrees
  });

  it("gives the shop month, rolling at local midnight", () => {
    expect(shopMonthOf(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11");
    expect(shopMonthOf(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12");
    expect(shopMonthOf(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01");
  });
});

describe("shop days as UTC", () => {
  it("starts a day at local midnight, 16:00 UTC the day before", () => {
    expect(startOfShopDay("2026-11-30").toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(startOfShopDay("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("covers one day or a run of days, half-open", () => {
    const day = shopDaysUtcRange("2026-12-01");
    expect([day.from.toISOString(), day.to.toISOString()]).toEqual(["2026-11-30T16:00:00.000Z", "2026-12-01T16:00:00.000Z"]);
    const run = shopDaysUtcRange("2026-12-30", "2027-01-02");
    expect([run.from.toISOString(), run.to.toISOString()]).toEqual(["2026-12-29T16:00:00.000Z", "2027-01-02T16:00:00.000Z"]);
  });

  it("knows a calendar day from a look-alike", () => {
    expect(isShopDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-02-30", "2026-13-01", "2026/11/01", "1 Dec", ""]) expect(isShopDay(bad)).toBe(false);
    expect(shopDaySchema.safeParse("2026-11-30").success).toBe(true);
    expect(shopDaySchema.safeParse("2026-02-30").error?.issues[0]?.message).toBe("is not a calendar date");
    expect(shopDaySchema.safeParse("30/11/2026").error?.issues[0]?.message).toBe("expected a date like 2026-11-30");
  });
});

describe("shop months", () => {
  it("bounds a month in UTC, across the year end", () => {
    const nov = shopMonthUtcRange("2026-11");
    expect([nov.from.toISOString(), nov.to.toISOString()]).toEqual(["2026-10-31T16:00:00.000Z", "2026-11-30T16:00:00.000Z"]);
    const dec = shopMonthUtcRange("2026-12");
    expect([dec.from.toISOString(), dec.to.toISOString()]).toEqual(["2026-11-30T16:00:00.000Z", "2026-12-31T16:00:00.000Z"]);
    const feb = shopMonthUtcRange("2028-02");
    expect(feb.to.getTime() - feb.from.getTime()).toBe(29 * 86_400_000);
  });

  it("refuses what is not YYYY-MM", () => {
    for (const bad of ["2026-13", "2026-00", "2026-1", "Nov 2026"]) expect(() => shopMonthUtcRange(bad)).toThrow(RangeError);
  });

  it("steps months across years", () => {
    expect(addShopMonths("2026-01", -1)).toBe("2025-12");
    expect(addShopMonths("2026-12", 1)).toBe("2027-01");
    expect(addShopMonths("2026-03", -14)).toBe("2025-01");
    expect(addShopMonths("2026-05", 0)).toBe("2026-05");
  });
});

describe("validity to the end of the Nth shop day", () => {
  it("ends at 23:59:59.999 shop time, counted from the shop day of issue", () => {
    expect(endOfShopDayAfter(new Date("2026-11-24T02:00:00Z"), 14).toISOString()).toBe("2026-12-08T15:59:59.999Z");
    // 23:30 UTC is already the next shop day.
    expect(endOfShopDayAfter(new Date("2026-11-24T23:30:00Z"), 0).toISOString()).toBe("2026-11-25T15:59:59.999Z");
    expect(endOfShopDayAfter(new Date("2026-12-20T04:00:00Z"), 14).toISOString()).toBe("2027-01-03T15:59:59.999Z");
  });
});

describe("shop wall-clock date-times", () => {
  it("reads a datetime-local value as shop time", () => {
    expect(shopLocalToIso(" 2026-11-26T17:30 ")).toBe("2026-11-26T17:30:00+08:00");
    expect(new Date(shopLocalToIso("2027-01-01T07:59")!).toISOString()).toBe("2026-12-31T23:59:00.000Z");
    for (const bad of ["", null, undefined, "2026-11-26", "2026-13-45T99:99", "2026-11-26T17:60"]) expect(shopLocalToIso(bad)).toBeNull();
  });

  it("writes an instant back in shop time", () => {
    expect(isoToShopLocal("2026-12-31T16:00:00Z")).toBe("2027-01-01T00:00");
    expect(isoToShopLocal("not a date")).toBe("");
    expect(isoToShopLocal(null)).toBe("");
  });
});

describe("shop time zone", () => {
  it("is the configured zone, else Kuala Lumpur", () => {
    expect(shopTimeZone("Asia/Singapore")).toBe("Asia/Singapore");
    expect(shopTimeZone("")).toBe("Asia/Kuala_Lumpur");
    expect(shopTimeZone(undefined)).toBe("Asia/Kuala_Lumpur");
  });
});
