import { describe, expect, it } from "vitest";
import { parseRecipientCsv, readCsv } from "./campaign-csv.js";

describe("readCsv", () => {
  it("reads quotes, escaped quotes, line breaks in quotes, CRLF and a BOM", () => {
    expect(readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["two\nlines", "z"] },
    ]);
  });
  it("skips blank lines and keeps the real line numbers", () => {
    expect(readCsv("a\n\n\nb").map((r) => r.line)).toEqual([1, 4]);
  });
});

describe("parseRecipientCsv", () => {
  it("keeps good rows in E.164 with name and values, and rejects each bad row with its line and reason", () => {
    const csv = [
      "Nama,No Telefon,Model,Expiry Date",
      "Aishah,012-345 6789,iPhone 13,2027-01-12",
      "Bad,12345,x,",
      "Dup,+60 12-345 6789,y,",
      ",,,",
      "Ravi,60198765432,Galaxy S22,",
      "Lim,  ,z,",
      "Ahmad,03-2141 1234,,",
    ].join("\n");
    const { rows, rejected } = parseRecipientCsv(csv);
    expect(rows).toEqual([
      { phone: "+60123456789", name: "Aishah", values: { nama: "Aishah", model: "iPhone 13", expiry_date: "2027-01-12" }, line: 2 },
      { phone: "+60198765432", name: "Ravi", values: { nama: "Ravi", model: "Galaxy S22", expiry_date: "" }, line: 6 },
      { phone: "+60321411234", name: "Ahmad", values: { nama: "Ahmad", model: "", expiry_date: "" }, line: 8 },
    ]);
    expect(rejected.map(({ line, code, value }) => ({ line, code, value }))).toEqual([
      { line: 3, code: "invalid_phone", value: "12345" },
      { line: 4, code: "duplicate", value: "+60 12-345 6789" },
      { line: 5, code: "missing_phone", value: ",,," },
      { line: 7, code: "missing_phone", value: "Lim,  ,z," },
    ]);
    expect(rejected[0]!.reason).toBe("not a valid phone number");
    expect(rejected[1]!.reason).toBe("same number as line 2");
  });

  it.each([["phone"], ["Phone"], ["PHONE NUMBER"], ["telefon"], ["mobile"], ["WhatsApp"]])("accepts a %s column", (header) => {
    expect(parseRecipientCsv(`${header}\n0123456789`).rows.map((r) => r.phone)).toEqual(["+60123456789"]);
  });

  it.each([["name,email\nAli,a@b.c"], [""], ["\n\n"]])("rejects a file with no phone column: %j", (csv) => {
    const { rows, rejected } = parseRecipientCsv(csv);
    expect(rows).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 1, code: "missing_phone_column", reason: "the header row has no phone column" });
  });

  it("a quoted phone with a comma-free international number from another country is kept", () => {
    expect(parseRecipientCsv('phone,name\n"+65 6123 4567",Tan').rows).toEqual([
      { phone: "+6561234567", name: "Tan", values: { name: "Tan" }, line: 2 },
    ]);
  });
});
