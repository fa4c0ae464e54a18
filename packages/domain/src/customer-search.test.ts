import { describe, expect, it } from "vitest";
import { classifyCustomerSearch, escapeLike, groupByNormalisedPhone, phonePrefixFromPartial } from "./customer-search.js";

describe("classifyCustomerSearch", () => {
  it.each([
    ["012-345 6789", "+60123456789"],
    ["+60 12 345 6789", "+60123456789"],
    ["60123456789", "+60123456789"],
    ["(03) 2141 1234", "+60321411234"],
  ])("reads %s as the phone %s", (q, e164) => {
    expect(classifyCustomerSearch(q)).toEqual({ kind: "phone", e164 });
  });

  it("reads the start of a number as an E.164 prefix", () => {
    expect(classifyCustomerSearch("012-34")).toEqual({ kind: "phone_prefix", prefix: "+601234" });
    expect(classifyCustomerSearch("+6016")).toEqual({ kind: "phone_prefix", prefix: "+6016" });
  });

  it("reads digits from the middle of a number as a fragment", () => {
    expect(classifyCustomerSearch("345 6789")).toEqual({ kind: "phone_contains", digits: "3456789" });
  });

  it("reads words as name terms", () => {
    expect(classifyCustomerSearch("  Aisyah   Rahman ")).toEqual({ kind: "text", terms: ["Aisyah", "Rahman"] });
    expect(classifyCustomerSearch("Tan 88")).toEqual({ kind: "text", terms: ["Tan", "88"] });
    expect(classifyCustomerSearch("12")).toEqual({ kind: "text", terms: ["12"] });
  });
});

describe("phonePrefixFromPartial", () => {
  it("turns national and international beginnings into E.164 prefixes", () => {
    expect(phonePrefixFromPartial("012")).toBe("+6012");
    expect(phonePrefixFromPartial("6012-3")).toBe("+60123");
    expect(phonePrefixFromPartial("+65 91")).toBe("+6591");
  });
  it("refuses too little or something that is not a phone beginning", () => {
    expect(phonePrefixFromPartial("01")).toBeNull();
    expect(phonePrefixFromPartial("345")).toBeNull();
    expect(phonePrefixFromPartial("abc")).toBeNull();
  });
});

describe("groupByNormalisedPhone", () => {
  it("groups customers whose phones are one number in different formats, oldest first", () => {
    const groups = groupByNormalisedPhone([
      { id: "b", phone: "012-345 6789", created_at: "2026-02-01T00:00:00Z" },
      { id: "a", phone: "+60123456789", created_at: "2026-01-01T00:00:00Z" },
      { id: "c", phone: "016-220 1144", created_at: "2026-01-01T00:00:00Z" },
      { id: "d", phone: null, created_at: "2026-01-01T00:00:00Z" },
      { id: "e", phone: "not a phone 99", created_at: "2026-03-01T00:00:00Z" },
      { id: "f", phone: "99", created_at: "2026-03-02T00:00:00Z" },
    ]);
    expect(groups).toEqual([
      { phone: "+60123456789", customers: [expect.objectContaining({ id: "a" }), expect.objectContaining({ id: "b" })] },
      { phone: "99", customers: [expect.objectContaining({ id: "e" }), expect.objectContaining({ id: "f" })] },
    ]);
  });
});

describe("escapeLike", () => {
  it("escapes LIKE wildcards", () => expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\"));
});
