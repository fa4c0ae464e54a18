import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay, InvalidPhoneError, normalisePhone, tryNormalisePhone } from "./phone.js";

describe("normalisePhone", () => {
  it.each([
    ["012-345 6789", "+60123456789"],
    ["0123456789", "+60123456789"],
    ["+60 12-345 6789", "+60123456789"],
    ["60123456789", "+60123456789"],
    ["011-2345 6789", "+601123456789"],
    ["03-2141 1234", "+60321411234"],
    ["(012) 345-6789", "+60123456789"],
    ["+65 9123 4567", "+6591234567"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(["", "abc", "12", "012-345", "+60 99 999", "0123456789012345678"])("rejects %j", (input) => {
    expect(() => normalisePhone(input)).toThrow(InvalidPhoneError);
    expect(tryNormalisePhone(input)).toBeNull();
  });

  it("formats Malaysian numbers nationally", () => {
    expect(formatPhoneForDisplay("+60123456789")).toBe("012-345 6789");
  });
});
