import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** Pure session rules (Lucia style): token generation, hashing, idle and absolute expiry. */

export const SESSION_COOKIE = "vsh_session";
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface SessionPolicy {
  /** Unused for this long, a session is dead (SESSION_IDLE_TIMEOUT_HOURS). */
  idleTimeoutMs: number;
  /** Absolute lifetime from sign-in, never extended (SESSION_MAX_AGE_DAYS): then sign in again. */
  maxAgeMs: number;
  /** last_used_at is written at most this often, so a busy session costs one UPDATE a minute. */
  touchEveryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleTimeoutMs: 12 * HOUR_MS, maxAgeMs: 7 * DAY_MS, touchEveryMs: MINUTE_MS };

export function sessionPolicy(settings: { SESSION_IDLE_TIMEOUT_HOURS: number; SESSION_MAX_AGE_DAYS: number }): SessionPolicy {
  return {
    idleTimeoutMs: settings.SESSION_IDLE_TIMEOUT_HOURS * HOUR_MS,
    maxAgeMs: settings.SESSION_MAX_AGE_DAYS * DAY_MS,
    touchEveryMs: MINUTE_MS,
  };
}

/** 160 random bits, base32: goes to the browser in the cookie and is never stored. */
export function generateSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored in the database: hex SHA-256 of the token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** When a session started at `createdAt` ends at the latest (also the cookie's expiry). */
export function sessionExpiry(createdAt: Date, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Date {
  return new Date(createdAt.getTime() + policy.maxAgeMs);
}

export interface SessionTimes {
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date;
}

/**
 * "expired": past its absolute end (expires_at, or created_at + the current maximum age, so a
 * shorter SESSION_MAX_AGE_DAYS also ends older sessions); "idle": unused for the idle timeout;
 * "touch": valid, and last_used_at is due to be written; "valid": nothing to do.
 */
export type SessionVerdict = "valid" | "touch" | "idle" | "expired";

export function checkSession(times: SessionTimes, now: Date, policy: SessionPolicy = DEFAULT_SESSION_POLICY): SessionVerdict {
  const at = now.getTime();
  if (at >= times.expiresAt.getTime() || at >= times.createdAt.getTime() + policy.maxAgeMs) return "expired";
  const unused = at - times.lastUsedAt.getTime();
  if (unused >= policy.idleTimeoutMs) return "idle";
  return unused >= policy.touchEveryMs ? "touch" : "valid";
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
