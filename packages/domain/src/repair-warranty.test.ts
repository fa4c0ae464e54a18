import { describe, expect, it } from "vitest";
import {
  checkWarrantyClaim,
  checkWarrantyVoid,
  claimJobLabourPrice,
  defaultWarrantyDays,
  lineStartsWarranty,
  warrantyClaimIssue,
  warrantyEndsAt,
  warrantyStatus,
} from "./repair-warranty.js";

const start = new Date("2026-11-01T04:00:00Z");
const ends = warrantyEndsAt(start, 30);
const at = (iso: string) => new Date(iso);

describe("warranty period", () => {
  it("ends warranty_days after delivery", () => expect(ends.toISOString()).toBe("2026-12-01T04:00:00.000Z"));
  it("a zero-day warranty ends at delivery", () => expect(warrantyEndsAt(start, 0).getTime()).toBe(start.getTime()));
  it("refuses negative days", () => expect(() => warrantyEndsAt(start, -1)).toThrow(RangeError));
});

describe("warrantyStatus", () => {
  it.each([
    ["on the day of delivery", "2026-11-01T04:00:00Z", { state: "active", days_left: 30 }],
    ["an hour before the end counts one day", "2026-12-01T03:00:00Z", { state: "active", days_left: 1 }],
    ["at the end it is expired", "2026-12-01T04:00:00Z", { state: "expired", days_left: 0 }],
    ["long after", "2027-06-01T00:00:00Z", { state: "expired", days_left: 0 }],
  ])("%s", (_, now, expected) => {
    expect(warrantyStatus({ starts_at: start, ends_at: ends }, at(now))).toEqual(expected);
  });

  it("void wins over active and expired", () => {
    expect(warrantyStatus({ starts_at: start, ends_at: ends, void_reason: "water_damage" }, at("2026-11-02T00:00:00Z"))).toEqual({ state: "void", days_left: 0 });
  });

  it("accepts ISO strings as stored by the API", () => {
    expect(warrantyStatus({ starts_at: start.toISOString(), ends_at: ends.toISOString() }, at("2026-11-30T04:00:00Z")).days_left).toBe(1);
  });
});

describe("checkWarrantyClaim", () => {
  const w = { starts_at: start, ends_at: ends };
  it("accepts a claim on an active warranty, and a second one too", () => {
    expect(checkWarrantyClaim(w, at("2026-11-10T00:00:00Z"))).toEqual({ ok: true });
    expect(checkWarrantyClaim(w, at("2026-11-20T00:00:00Z"))).toEqual({ ok: true });
  });
  it.each([
    ["water_damage", "water damage"],
    ["physical_damage", "physical damage"],
    ["opened_by_third_party", "third party"],
  ] as const)("refuses a claim on a warranty void for %s, with the reason", (reason, text) => {
    const r = checkWarrantyClaim({ ...w, void_reason: reason }, at("2026-11-10T00:00:00Z"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(text);
  });
  it("refuses a claim after expiry, naming the date", () => {
    const r = checkWarrantyClaim(w, at("2026-12-02T00:00:00Z"));
    expect(r).toEqual({ ok: false, reason: "The warranty expired on 2026-12-01" });
  });
});

describe("checkWarrantyVoid", () => {
  it("voids an active warranty once", () => {
    expect(checkWarrantyVoid({ starts_at: start, ends_at: ends }, at("2026-11-10T00:00:00Z"))).toEqual({ ok: true });
    expect(checkWarrantyVoid({ starts_at: start, ends_at: ends, void_reason: "physical_damage" }, at("2026-11-10T00:00:00Z")).ok).toBe(false);
  });
  it("does not void an expired warranty", () => expect(checkWarrantyVoid({ starts_at: start, ends_at: ends }, at("2027-01-01T00:00:00Z")).ok).toBe(false));
});

describe("claim jobs", () => {
  it("zero-prices labour, fixed or hourly", () => {
    expect(claimJobLabourPrice({ unit_price_sen: 8000, rate_sen: null })).toEqual({ unit_price_sen: 0, rate_sen: null });
    expect(claimJobLabourPrice({ unit_price_sen: 0, rate_sen: 6000 })).toEqual({ unit_price_sen: 0, rate_sen: 0 });
  });

  it("free re-repair under warranty starts no new warranty (no reset, no extension)", () => {
    expect(lineStartsWarranty({ warranty_days: 30, amount_sen: 0 }, true)).toBe(false);
  });
  it("what the customer paid for on a claim job carries its own warranty", () => {
    expect(lineStartsWarranty({ warranty_days: 90, amount_sen: 16000 }, true)).toBe(true);
  });
  it("an ordinary job's lines start warranties unless they carry none", () => {
    expect(lineStartsWarranty({ warranty_days: 30, amount_sen: 0 }, false)).toBe(true);
    expect(lineStartsWarranty({ warranty_days: 0, amount_sen: 8000 }, false)).toBe(false);
  });

  it("prefixes the claim job's issue with the original job number", () => {
    expect(warrantyClaimIssue("VSH-2026-000123", "  Screen flickers again ")).toBe("Warranty claim VSH-2026-000123: Screen flickers again");
  });
});

describe("defaultWarrantyDays", () => {
  it.each([
    [{ warranty_days: 90 }, 90],
    [{ warranty_days: "180" }, 180],
    [{ warranty_days: 0 }, 0],
    [{ warranty_days: -5 }, 30],
    [{ warranty_days: "soon" }, 30],
    [{ warranty_days: 1.5 }, 30],
    [null, 30],
    [{}, 30],
  ])("%j → %i", (metadata, expected) => expect(defaultWarrantyDays(metadata, 30)).toBe(expected));
});
