import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** Pure session rules (Lucia style): token generation, hashing, expiry and renewal. */

export const SESSION_COOKIE = "vsh_session";
export const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY_MS;
/** A session with less than this left is extended back to the full 30 days on use. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

/** 160 random bits, base32: goes to the browser in the cookie and is never stored. */
export function generateSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored in the database: hex SHA-256 of the token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_TTL_MS);
}

export type ExpiryVerdict = "valid" | "renew" | "expired";

/** expired at or past expires_at; renew when under 15 days are left; valid otherwise. */
export function checkExpiry(expiresAt: Date, now: Date): ExpiryVerdict {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "expired";
  if (left < SESSION_RENEW_WITHIN_MS) return "renew";
  return "valid";
}

/** A well-formed token: what generateSessionToken makes. Anything else is not looked up. */
export function looksLikeSessionToken(token: string | undefined): token is string {
  return !!token && /^[a-z2-7]{32}$/.test(token);
}

export interface SessionCookieOptions {
  path: string;
  httpOnly: true;
  secure: true;
  sameSite: "lax";
  expires: Date;
}

/**
 * httpOnly, Secure, SameSite=Lax, whole site. Secure is kept on plain http://localhost too:
 * browsers treat localhost and 127.0.0.1 as secure contexts and accept such cookies.
 */
export function sessionCookieOptions(expiresAt: Date): SessionCookieOptions {
  return { path: "/", httpOnly: true, secure: true, sameSite: "lax", expires: expiresAt };
}
