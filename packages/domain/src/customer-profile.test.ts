import { describe, expect, it } from "vitest";
import { customerTypeSchema, mergeTags, normaliseTag, normaliseTags, tagsSchema } from "./customer-profile.js";

describe("customer tags", () => {
  it("lowercases, trims and collapses inner whitespace", () => {
    expect(normaliseTag("  VIP   Client ")).toBe("vip client");
    expect(normaliseTag("Samsung\tFan")).toBe("samsung fan");
  });

  it("drops blanks and duplicates, keeping the first-seen order", () => {
    expect(normaliseTags(["VIP", "dealer", " vip ", "", "Dealer", "warranty"])).toEqual(["vip", "dealer", "warranty"]);
  });

  it("merges a duplicate's tags after the primary's", () => {
    expect(mergeTags(["vip", "corporate"], ["Corporate", "late payer"])).toEqual(["vip", "corporate", "late payer"]);
  });

  it("parses request tags and names what is wrong", () => {
    expect(tagsSchema.parse(["VIP", "vip ", "Repeat"])).toEqual(["vip", "repeat"]);
    const blank = tagsSchema.safeParse(["ok", "   "]);
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.path).toEqual([1]);
    expect(blank.error?.issues[0]?.message).toBe("A tag cannot be blank");
    expect(tagsSchema.safeParse(["a,b"]).success).toBe(false);
    expect(tagsSchema.safeParse(["x".repeat(41)]).success).toBe(false);
    expect(tagsSchema.safeParse(Array.from({ length: 21 }, (_, i) => `t${i}`)).success).toBe(false);
  });

  it("knows the customer types", () => {
    expect(customerTypeSchema.parse("dealer")).toBe("dealer");
    expect(customerTypeSchema.safeParse("vip").success).toBe(false);
  });
});
