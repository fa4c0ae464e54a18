import { describe, expect, it } from "vitest";
import { luhnValid } from "@voltura/domain";
import { imeiHint } from "./imei";

describe("IMEI hint", () => {
  it("checks the Luhn digit", () => {
    expect(luhnValid("490154203237518")).toBe(true);
    expect(luhnValid("490154203237519")).toBe(false);
    expect(luhnValid("12a")).toBe(false);
  });

  it("accepts a valid 15-digit IMEI, with separators", () => {
    expect(imeiHint("49-015420-323751-8").kind).toBe("imei-valid");
  });

  it("flags a 15-digit number whose check digit is wrong", () => {
    expect(imeiHint("490154203237519")).toMatchObject({ kind: "imei-invalid" });
  });

  it("treats anything else as a serial", () => {
    expect(imeiHint("C02XK1JHJG5H").kind).toBe("serial");
    expect(imeiHint("4901542032375").kind).toBe("serial");
    expect(imeiHint("  ").kind).toBe("empty");
  });
});
