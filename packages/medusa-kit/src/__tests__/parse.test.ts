import { MedusaError } from "@medusajs/framework/utils";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { findUnstorableText, parseOrThrow } from "../parse.js";

const body = z.object({ name: z.string().max(120), lines: z.array(z.object({ title: z.string() })).optional() });

function refusal(data: unknown): string {
  try {
    parseOrThrow(body, data);
  } catch (err) {
    expect(err).toBeInstanceOf(MedusaError);
    expect((err as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA);
    return (err as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("parseOrThrow and text PostgreSQL cannot store", () => {
  it("refuses NUL characters with a 400 naming the field, however deep", () => {
    expect(refusal({ name: "before\u0000after" })).toBe("Invalid request: name: must not contain NUL characters");
    expect(refusal({ name: "ok", lines: [{ title: "a\u0000" }] })).toBe("Invalid request: lines.0.title: must not contain NUL characters");
  });

  it("refuses lone surrogates but keeps real pairs (emoji) and other unicode", () => {
    expect(refusal({ name: "half \ud800 pair" })).toContain("name: must be valid Unicode text");
    expect(refusal({ name: "\udc00 low first" })).toContain("name: must be valid Unicode text");
    const tricky = "📱 👨‍👩‍👧 e\u0301 invoice\u202Efdp.exe zero\u200Bwidth line\r\nbreak";
    expect(parseOrThrow(body, { name: tricky })).toEqual({ name: tricky });
  });

  it("checks keys and stops at a sane depth", () => {
    expect(findUnstorableText({ ["k\u0000"]: 1 })).toEqual({ field: "(key)", problem: "must not contain NUL characters" });
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(findUnstorableText(deep)).toBeNull();
    expect(findUnstorableText([1, true, null, "fine"])).toBeNull();
  });

  it("still answers the schema's own problems", () => {
    expect(refusal({ name: "x".repeat(121) })).toContain("name:");
  });
});
