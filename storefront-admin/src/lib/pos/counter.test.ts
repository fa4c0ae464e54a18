import { describe, expect, it } from "vitest";
import { parseDiscountInput } from "./counter.svelte";

describe("parseDiscountInput", () => {
  it.each([
    ["10%", { kind: "percent", percent_bp: 1000 }],
    ["12.5 %", { kind: "percent", percent_bp: 1250 }],
    ["100%", { kind: "percent", percent_bp: 10_000 }],
    ["5", { kind: "amount", amount_sen: 500 }],
    ["RM5.50", { kind: "amount", amount_sen: 550 }],
    ["rm 0.05", { kind: "amount", amount_sen: 5 }],
    ["", null],
    ["0", null],
    ["150%", null],
    ["abc", null],
    ["-5", null],
  ])("%s → %j", (text, expected) => {
    expect(parseDiscountInput(text)).toEqual(expected);
  });
});
