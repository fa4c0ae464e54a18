import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkExpiry,
  DAY_MS,
  generateSessionToken,
  looksLikeSessionToken,
  SESSION_COOKIE,
  sessionCookieOptions,
  sessionExpiry,
  sessionIdFromToken,
} from "./session";

describe("session tokens", () => {
  it("are 160-bit random base32 strings, different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(looksLikeSessionToken(t)).toBe(true);
  });

  it("are stored only as their SHA-256 hex digest", () => {
    const token = generateSessionToken();
    const id = sessionIdFromToken(token);
    expect(id).toBe(createHash("sha256").update(token).digest("hex"));
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain(token);
  });

  it("rejects malformed cookie values before any lookup", () => {
    for (const bad of [undefined, "", "short", "1".repeat(32), "A".repeat(32), `${generateSessionToken()}A`, "'; drop table--"]) {
      expect(looksLikeSessionToken(bad)).toBe(false);
    }
  });
});

describe("session expiry", () => {
  const now = new Date("2026-11-24T06:00:00Z");

  it("lasts 30 days from creation", () => {
    expect(sessionExpiry(now).getTime() - now.getTime()).toBe(30 * DAY_MS);
  });

  it("is valid with 15 days or more left", () => {
    expect(checkExpiry(new Date(now.getTime() + 30 * DAY_MS), now)).toBe("valid");
    expect(checkExpiry(new Date(now.getTime() + 15 * DAY_MS), now)).toBe("valid");
  });

  it("is renewed when under 15 days are left", () => {
    expect(checkExpiry(new Date(now.getTime() + 15 * DAY_MS - 1), now)).toBe("renew");
    expect(checkExpiry(new Date(now.getTime() + 1000), now)).toBe("renew");
  });

  it("is expired at or after expires_at", () => {
    expect(checkExpiry(now, now)).toBe("expired");
    expect(checkExpiry(new Date(now.getTime() - 1), now)).toBe("expired");
  });
});

describe("session cookie", () => {
  it("is httpOnly, Secure, SameSite=Lax for the whole site, expiring with the session", () => {
    const expires = sessionExpiry(new Date());
    expect(SESSION_COOKIE).toBe("vsh_session");
    expect(sessionCookieOptions(expires)).toEqual({ path: "/", httpOnly: true, secure: true, sameSite: "lax", expires });
  });
});
