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
  it("keeps plain decimal numbers written as text (negative money), but not expressions", () => {
    expect(spreadsheetSafe("-12.50")).toBe("-12.50");
    expect(spreadsheetSafe("+3")).toBe("+3");
    expect(spreadsheetSafe("-1-1")).toBe("'-1-1");
    expect(spreadsheetSafe("-1e3")).toBe("'-1e3");
  });
  it("writes a byte order mark and CRLF line ends when asked", () => {
    expect(toSafeCsv(["a"], [["=1"]], { bom: true, crlf: true })).toBe("\uFEFFa\r\n'=1\r\n");
  });
  it("quotes commas, quotes and line breaks as RFC 4180 does", () => {
    expect(toSafeCsv(["a", "b", "c"], [['say "hi"', "two\nlines", ""]])).toBe('a,b,c\n"say ""hi""","two\nlines",\n');
  });
  it("uses no Node API, so workflows and browsers can load it", async () => {
    const source = await import("node:fs").then((fs) => fs.readFileSync(new URL("./csv.ts", import.meta.url), "utf8"));
    expect(source).not.toMatch(/from "(node:|csv-stringify)|Buffer/);
  });
  it("neutralises header cells too", () => {
    expect(toSafeCsv(["=x"], [])).toBe("'=x\n");
  });
});
