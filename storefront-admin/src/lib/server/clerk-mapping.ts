import { verifyToken } from "@clerk/backend";
import type { StaffRole } from "@voltura/domain";
import type { SessionStaff } from "./session-store";
import { consoleRoleOf, type StaffMember } from "./staff-api";

/**
 * Maps a signed-in Clerk user to a Voltura staff member, by email:
 * the session claim `email` when the Clerk session token carries it, else the user's primary
 * email from Clerk's API; then the commerce staff record decides the role. Unknown or inactive
 * people are refused with 403 "not a staff member".
 */
export interface ClerkClaims {
  sub: string;
  email?: unknown;
  [claim: string]: unknown;
}

export interface ClerkMappingDeps {
  /** The commerce staff record for an email (looked up with the console's system actor). */
  findStaffByEmail(email: string): Promise<StaffMember | null>;
  /** The Clerk user's primary email, when the session token has no `email` claim. */
  fetchPrimaryEmail(userId: string): Promise<string | null>;
}

export type ClerkMapping =
  | { ok: true; staff: SessionStaff }
  | { ok: false; status: 403; message: "not a staff member"; email: string | null };

function emailClaim(claims: ClerkClaims): string | null {
  return typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim().toLowerCase() : null;
}

export async function mapClerkUserToStaff(claims: ClerkClaims, deps: ClerkMappingDeps): Promise<ClerkMapping> {
  const email = emailClaim(claims) ?? (await deps.fetchPrimaryEmail(claims.sub))?.trim().toLowerCase() ?? null;
  if (!email) return { ok: false, status: 403, message: "not a staff member", email: null };
  const member = await deps.findStaffByEmail(email);
  const role: StaffRole | null = consoleRoleOf(member);
  if (!member || !role) return { ok: false, status: 403, message: "not a staff member", email };
  return { ok: true, staff: { id: member.id, email: member.email, name: member.name || member.email, role } };
}

/**
 * Verifies a Clerk session token without a network call (CLERK_JWT_KEY, the PEM public key),
 * returning its claims. Throws when the signature, expiry or authorised party is wrong.
 */
export async function verifyClerkSessionToken(
  token: string,
  options: { jwtKey: string; authorizedParties?: string[] },
): Promise<ClerkClaims> {
  const payload = await verifyToken(token, { jwtKey: options.jwtKey, authorizedParties: options.authorizedParties });
  return payload as unknown as ClerkClaims;
}

/** A tiny time-boxed cache so a Clerk session is not mapped again on every request. */
export function createMappingCache(ttlMs = 60_000, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; value: ClerkMapping }>();
  return {
    async get(key: string, load: () => Promise<ClerkMapping>): Promise<ClerkMapping> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = await load();
      if (entries.size > 500) entries.clear();
      entries.set(key, { at: now(), value });
      return value;
    },
    clear: () => entries.clear(),
  };
}
