import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_SHARE_LINK_DAYS, readShareToken, shareLinkDays, shareLinkKey, signShareToken } from "../domain/share-link";

const secret = "0123456789abcdef0123456789abcdef";
const key = shareLinkKey(secret);
const link = { linkId: "dlink_1", kind: "invoice" as const, id: "sinv_1", expiresAt: new Date("2026-12-31T00:00:00Z") };

describe("document share tokens", () => {
  it("name their link and open only until they expire", () => {
    const token = signShareToken(link, key);
    expect(readShareToken(token, key, new Date("2026-12-01T00:00:00Z"))).toEqual({ status: "valid", ...link });
    expect(readShareToken(token, key, new Date("2027-01-01T00:00:00Z"))).toMatchObject({ status: "expired", linkId: "dlink_1" });
  });

  it("are signed with a key derived for this purpose, never with the secret itself", () => {
    expect(key.equals(Buffer.from(secret))).toBe(false);
    expect(key).toHaveLength(32);
    const payload = Buffer.from(JSON.stringify({ l: "dlink_1", k: "invoice", i: "sinv_1", e: 9_999_999_999 })).toString("base64url");
    const withRawSecret = `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
    expect(readShareToken(withRawSecret, key)).toEqual({ status: "invalid" });
    expect(readShareToken(signShareToken(link, shareLinkKey(`${secret}x`)), key)).toEqual({ status: "invalid" });
  });

  it("refuse altered, truncated and malformed tokens", () => {
    const token = signShareToken(link, key);
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ l: "dlink_1", k: "invoice", i: "sinv_2", e: 9_999_999_999 })).toString("base64url");
    expect(readShareToken(`${forged}.${sig}`, key)).toEqual({ status: "invalid" });
    expect(readShareToken(`${payload}`, key)).toEqual({ status: "invalid" });
    expect(readShareToken(`${token}.x`, key)).toEqual({ status: "invalid" });
    expect(readShareToken("", key)).toEqual({ status: "invalid" });
    // Old-style tokens without a link id do not open either.
    const old = Buffer.from(JSON.stringify({ k: "invoice", i: "sinv_1", e: 9_999_999_999 })).toString("base64url");
    expect(readShareToken(`${old}.${createHmac("sha256", key).update(old).digest("base64url")}`, key)).toEqual({ status: "invalid" });
  });

  it("refuse to derive a key from a missing or short secret", () => {
    expect(() => shareLinkKey("")).toThrow(/JWT_SECRET/);
    expect(() => shareLinkKey("short")).toThrow(/JWT_SECRET/);
  });
});

describe("DOCUMENT_LINK_TTL_DAYS", () => {
  it.each([
    [undefined, DEFAULT_SHARE_LINK_DAYS],
    ["", 7],
    ["1", 1],
    ["30", 30],
  ])("%s → %i days", (value, days) => {
    expect(shareLinkDays({ DOCUMENT_LINK_TTL_DAYS: value })).toBe(days);
  });

  it.each(["0", "91", "2.5", "week"])("refuses %s", (value) => {
    expect(() => shareLinkDays({ DOCUMENT_LINK_TTL_DAYS: value })).toThrow(/DOCUMENT_LINK_TTL_DAYS/);
  });
});
