import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkSession,
  DAY_MS,
  DEFAULT_SESSION_POLICY,
  generateSessionToken,
  HOUR_MS,
  MINUTE_MS,
  looksLikeSessionToken,
  SESSION_COOKIE,
  sessionCookieOptions,
  sessionExpiry,
  sessionIdFromToken,
  sessionPolicy,
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
  const signedIn = new Date("2026-11-24T06:00:00Z");
  const at = (ms: number) => new Date(signedIn.getTime() + ms);
  const session = (lastUsedMs = 0) => ({ createdAt: signedIn, expiresAt: sessionExpiry(signedIn), lastUsedAt: at(lastUsedMs) });

  it("ends 7 days after sign-in by default, 12 idle hours, one write a minute", () => {
    expect(DEFAULT_SESSION_POLICY).toEqual({ idleTimeoutMs: 12 * HOUR_MS, maxAgeMs: 7 * DAY_MS, touchEveryMs: MINUTE_MS });
    expect(sessionExpiry(signedIn).getTime() - signedIn.getTime()).toBe(7 * DAY_MS);
  });

  it("takes its limits from the settings", () => {
    const policy = sessionPolicy({ SESSION_IDLE_TIMEOUT_HOURS: 0.5, SESSION_MAX_AGE_DAYS: 1 });
    expect(policy).toEqual({ idleTimeoutMs: 30 * MINUTE_MS, maxAgeMs: DAY_MS, touchEveryMs: MINUTE_MS });
    expect(sessionExpiry(signedIn, policy).getTime()).toBe(signedIn.getTime() + DAY_MS);
    expect(checkSession(session(), at(31 * MINUTE_MS), policy)).toBe("idle");
  });

  it("is valid right after use, and due for a last-use write once a minute", () => {
    expect(checkSession(session(), at(0))).toBe("valid");
    expect(checkSession(session(), at(MINUTE_MS - 1))).toBe("valid");
    expect(checkSession(session(), at(MINUTE_MS))).toBe("touch");
    expect(checkSession(session(5 * HOUR_MS), at(5 * HOUR_MS + 30_000))).toBe("valid");
  });

  it("dies after 12 hours without use", () => {
    expect(checkSession(session(), at(12 * HOUR_MS - 1))).toBe("touch");
    expect(checkSession(session(), at(12 * HOUR_MS))).toBe("idle");
    expect(checkSession(session(2 * DAY_MS), at(2 * DAY_MS + 12 * HOUR_MS))).toBe("idle");
  });

  it("dies 7 days after sign-in however much it is used (no renewal)", () => {
    const busy = session(7 * DAY_MS - MINUTE_MS);
    expect(checkSession(busy, at(7 * DAY_MS - 1))).toBe("valid");
    expect(checkSession(busy, at(7 * DAY_MS))).toBe("expired");
    expect(checkSession(busy, at(8 * DAY_MS))).toBe("expired");
  });

  it("ends older sessions too when the maximum age is lowered (created_at counts, not only expires_at)", () => {
    const oldStyle = { createdAt: signedIn, expiresAt: at(30 * DAY_MS), lastUsedAt: at(3 * DAY_MS) };
    expect(checkSession(oldStyle, at(3 * DAY_MS + MINUTE_MS), sessionPolicy({ SESSION_IDLE_TIMEOUT_HOURS: 12, SESSION_MAX_AGE_DAYS: 2 }))).toBe("expired");
  });
});

describe("session cookie", () => {
  it("is httpOnly, Secure, SameSite=Lax for the whole site, expiring with the session", () => {
    const expires = sessionExpiry(new Date());
    expect(SESSION_COOKIE).toBe("vsh_session");
    expect(sessionCookieOptions(expires)).toEqual({ path: "/", httpOnly: true, secure: true, sameSite: "lax", expires });
  });
});
