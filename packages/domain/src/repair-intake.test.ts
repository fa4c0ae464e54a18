import { describe, expect, it } from "vitest";
import { accessoriesSchema, checkImeiSerial, intakeImeiSerialSchema, isValidImei, luhnValid } from "./repair-intake.js";

describe("luhnValid", () => {
  it.each([
    ["79927398713", true], // the textbook example
    ["79927398710", false],
    ["0", true],
    ["", false],
    ["12a4", false],
  ])("%s → %s", (digits, ok) => expect(luhnValid(digits)).toBe(ok));
});

describe("isValidImei", () => {
  it.each([
    ["490154203237518", true],
    ["35-209900-176148-1", true], // separators as printed on the box
    ["35 6938 0356 43809", true],
    ["490154203237519", false], // last digit off by one
    ["490154203237581", false], // two digits swapped
    ["49015420323751", false], // 14 digits: no check digit
    ["4901542032375180", false], // 16 digits (IMEISV) is not an IMEI
    ["A90154203237518", false],
  ])("%s → %s", (value, ok) => expect(isValidImei(value)).toBe(ok));
});

describe("checkImeiSerial", () => {
  it("normalises a valid IMEI", () => expect(checkImeiSerial("35-209900-176148-1")).toEqual({ ok: true, value: "352099001761481" }));
  it("accepts a laptop serial with letters", () => expect(checkImeiSerial("c02xk1abjg5h")).toEqual({ ok: true, value: "C02XK1ABJG5H" }));
  it("accepts 14 and 16 digit numbers as serials", () => {
    expect(checkImeiSerial("49015420323751").ok).toBe(true);
    expect(checkImeiSerial("4901542032375180").ok).toBe(true);
  });
  it.each([
    ["490154203237519", /check digit/],
    ["AB#12", /letters and digits/],
    ["AB1", /at least 4/],
    ["A".repeat(33), /at most 32/],
    ["  ", /empty/],
  ])("refuses %s", (value, reason) => {
    const check = checkImeiSerial(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});

describe("intakeImeiSerialSchema", () => {
  it("turns blank into null and keeps null", () => {
    expect(intakeImeiSerialSchema.parse("  ")).toBeNull();
    expect(intakeImeiSerialSchema.parse(null)).toBeNull();
  });
  it("reports a bad IMEI as an issue", () => {
    const r = intakeImeiSerialSchema.safeParse("490154203237519");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/not a valid IMEI/);
  });
});

describe("accessoriesSchema", () => {
  it("trims, drops blanks and repeats (case-insensitive), keeps order", () => {
    expect(accessoriesSchema.parse([" charger", "case", "", "Charger", "SIM tray"])).toEqual(["charger", "case", "SIM tray"]);
  });
  it("limits the count and the length", () => {
    expect(accessoriesSchema.safeParse(Array.from({ length: 21 }, (_, i) => `a${i}`)).success).toBe(false);
    expect(accessoriesSchema.safeParse(["x".repeat(61)]).success).toBe(false);
  });
});
