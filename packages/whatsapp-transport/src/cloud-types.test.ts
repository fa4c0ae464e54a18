import { describe, expect, it } from "vitest";
import { templateMessageSchema } from "./cloud-types.js";

describe("templateMessageSchema", () => {
  it("takes a name, a WhatsApp language code and positional body params", () => {
    expect(templateMessageSchema.parse({ name: "pickup_day1", language: "ms", bodyParams: ["Ali"] })).toEqual({ name: "pickup_day1", language: "ms", bodyParams: ["Ali"] });
    expect(templateMessageSchema.safeParse({ name: "t", language: "en_US", bodyParams: [] }).success).toBe(true);
    expect(templateMessageSchema.safeParse({ name: "t", language: "English", bodyParams: [] }).success).toBe(false);
    expect(templateMessageSchema.safeParse({ name: "", language: "ms", bodyParams: [] }).success).toBe(false);
  });

  it("header media needs exactly one of url or id", () => {
    const base = { name: "t", language: "ms", bodyParams: [] };
    expect(templateMessageSchema.safeParse({ ...base, headerMedia: { kind: "image", id: "9" } }).success).toBe(true);
    expect(templateMessageSchema.safeParse({ ...base, headerMedia: { kind: "image", url: "https://x.example/p.jpg" } }).success).toBe(true);
    expect(templateMessageSchema.safeParse({ ...base, headerMedia: { kind: "image" } }).success).toBe(false);
    expect(templateMessageSchema.safeParse({ ...base, headerMedia: { kind: "image", id: "9", url: "https://x.example/p.jpg" } }).success).toBe(false);
  });
});
