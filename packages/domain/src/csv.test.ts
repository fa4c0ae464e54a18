import { describe, expect, it } from "vitest";
import { spreadsheetSafe, toSafeCsv } from "./csv.js";

describe("toSafeCsv", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])("neutralises %j", (payload) => {
    expect(spreadsheetSafe(payload)).toBe(`'${payload}`);
    expect(toSafeCsv(["a"], [[payload]]).split("\n")[1]).toMatch(/^"?'/);
  });
  it("keeps phones, numbers and plain text", () => {
    expect(spreadsheetSafe("+60 12-345 6789")).toBe("+60 12-345 6789");
    expect(toSafeCsv(["n", "t"], [[-5, "Tan, Mei"]])).toBe('n,t\n-5,"Tan, Mei"\n');
  });
  it("neutralises header cells too", () => {
    expect(toSafeCsv(["=x"], [])).toBe("'=x\n");
  });
});
