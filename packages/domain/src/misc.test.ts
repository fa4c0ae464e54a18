import { describe, expect, it } from "vitest";
import { formatJobNumber, parseJobNumber } from "./job-number.js";
import { formatMYR, ringgitToSen } from "./money.js";
import { shopInstant, shopYear } from "./time.js";

describe("job numbers", () => {
  it("pads the sequence", () => expect(formatJobNumber(2026, 123)).toBe("VSH-2026-000123"));
  it("round-trips", () => expect(parseJobNumber("vsh-2026-000123")).toEqual({ prefix: "VSH", year: 2026, sequence: 123 }));
  it("rejects junk", () => expect(parseJobNumber("VSH-26-1")).toBeNull());
  it("refuses a zero sequence", () => expect(() => formatJobNumber(2026, 0)).toThrow(RangeError));
});

describe("money", () => {
  it("converts ringgit to sen without float drift", () => expect(ringgitToSen(19.99)).toBe(1999));
  it("formats MYR", () => expect(formatMYR(12345)).toMatch(/RM\s?123\.45/));
});

describe("shop time", () => {
  it("rolls the year at Kuala Lumpur midnight, not UTC", () => {
    expect(shopYear(new Date("2026-12-31T16:30:00Z"))).toBe(2027);
    expect(shopYear(new Date("2026-12-31T15:30:00Z"))).toBe(2026);
  });

  it("knows where a calendar day starts in other zones too", () => {
    expect(shopInstant("2026-07-01", "00:00", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(shopInstant("2026-01-01", "00:00", "UTC").toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});
