import { describe, expect, it } from "vitest";
import { base64Url, isTrackingToken, publicFirstName, TRACKING_TOKEN_BYTES, trackingTokenFromBytes } from "./tracking-token.js";

const bytes = (n: number, fill = (i: number) => (i * 37 + 11) % 256) => Uint8Array.from({ length: n }, (_, i) => fill(i));

describe("base64Url", () => {
  it("matches Node's base64url for every padding case", () => {
    for (let n = 0; n <= 40; n++) {
      const b = bytes(n);
      expect(base64Url(b)).toBe(Buffer.from(b).toString("base64url"));
    }
  });
  it("uses - and _ instead of + and /", () => expect(base64Url(Uint8Array.from([0xfb, 0xff]))).toBe("-_8"));
});

describe("tracking tokens", () => {
  it("are 43 url-safe characters for 32 random bytes (256 bits)", () => {
    const token = trackingTokenFromBytes(bytes(TRACKING_TOKEN_BYTES));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isTrackingToken(token)).toBe(true);
  });
  it("refuse fewer than 128 bits", () => {
    expect(() => trackingTokenFromBytes(bytes(15))).toThrow(RangeError);
    expect(trackingTokenFromBytes(bytes(16))).toHaveLength(22);
  });
  it.each([
    ["", false],
    ["short", false],
    ["a".repeat(21), false],
    ["a".repeat(22), true],
    ["a".repeat(129), false],
    ["abc/def+ghi=jklmnopqrstuvwxyz", false],
    ["../../etc/passwd-aaaaaaaaaaaaaaa", false],
  ])("isTrackingToken(%j) → %s", (value, ok) => expect(isTrackingToken(value)).toBe(ok));
});

describe("publicFirstName", () => {
  it("takes the first word of the customer's first name", () => expect(publicFirstName("Nur Aisyah", "Nur Aisyah Rahman")).toBe("Nur"));
  it("falls back to the slip name's first word", () => {
    expect(publicFirstName(null, "  Tan Wei Jie ")).toBe("Tan");
    expect(publicFirstName("  ", "Ravi Kumar")).toBe("Ravi");
  });
});
