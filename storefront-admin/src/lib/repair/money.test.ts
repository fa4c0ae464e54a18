import { describe, expect, it } from "vitest";
import { formatRM, parseMoneyInput, senToInput } from "./money";

describe("money input", () => {
  it.each([
    ["RM 12.50", 1250],
    ["rm12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["0.05", 5],
    [" 50 ", 5000],
    ["1,234.50", 123450],
    ["12,50", 1250],
    ["MYR 7.10", 710],
    ["0", 0],
  ])("reads %s as %i sen", (input, sen) => {
    expect(parseMoneyInput(input)).toBe(sen);
  });

  it.each(["", "  ", "RM", "-5", "12.505", "abc", "1.2.3", "12,5,0", null, undefined])("refuses %s", (input) => {
    expect(parseMoneyInput(input)).toBeNull();
  });

  it("round-trips through the input value", () => {
    expect(senToInput(1250)).toBe("12.50");
    expect(senToInput(5)).toBe("0.05");
    expect(senToInput(null)).toBe("");
    expect(parseMoneyInput(senToInput(98765))).toBe(98765);
  });

  it("formats ringgit for display", () => {
    expect(formatRM(1250)).toBe("RM 12.50");
    expect(formatRM(123456)).toBe("RM 1,234.56");
    expect(formatRM(0)).toBe("RM 0.00");
    expect(formatRM(-500)).toBe("-RM 5.00");
  });
});
