import { verifyToken } from "@clerk/backend";
import { z } from "zod";
import type { StaffRole } from "@voltura/domain";
import type { SessionStaff } from "./session-store";
import { consoleRoleOf, type StaffMember } from "./staff-api";

/**
 * Maps a signed-in Clerk user to a Voltura staff member, by email: the user's primary email
 * address from Clerk's Backend API, and only when Clerk has verified it (an unverified address
 * proves nothing: anyone can type a manager's email at sign-up). The commerce staff record then
 * decides the role. Unknown, unverified or inactive people are refused with 403 "not a staff member".
 */
export interface ClerkClaims {
  sub: string;
  email?: unknown;
  [claim: string]: unknown;
}

const clerkClaimsSchema = z.looseObject({ sub: z.string(), email: z.unknown().optional() });

/** The part of Clerk's user object (Backend API JSON) that says which email is primary and verified. */
export const clerkUserEmailsSchema = z.object({
  primary_email_address_id: z.string().nullable(),
  email_addresses: z.array(
    z.object({
      id: z.string(),
      email_address: z.string(),
      verification: z.object({ status: z.string() }).nullable(),
    }),
  ),
});
export type ClerkUserEmails = z.infer<typeof clerkUserEmailsSchema>;

export interface ClerkMappingDeps {
  /** The commerce staff record for an email (looked up with the console's system actor). */
  findStaffByEmail(email: string): Promise<StaffMember | null>;
  /** The Clerk user's email addresses (Backend API), or null when there is no such user. */
  fetchUserEmails(userId: string): Promise<ClerkUserEmails | null>;
}

export type ClerkMapping =
  | { ok: true; staff: SessionStaff }
  | { ok: false; status: 403; message: "not a staff member"; email: string | null };

/** The primary email address, lower-cased, when Clerk reports it verified; otherwise null. */
export function verifiedPrimaryEmail(user: unknown): string | null {
  const parsed = clerkUserEmailsSchema.safeParse(user);
  if (!parsed.success || !parsed.data.primary_email_address_id) return null;
  const primary = parsed.data.email_addresses.find((e) => e.id === parsed.data.primary_email_address_id);
  if (!primary || primary.verification?.status !== "verified") return null;
  const email = primary.email_address.trim().toLowerCase();
  return email.includes("@") ? email : null;
}

export async function mapClerkUserToStaff(claims: ClerkClaims, deps: ClerkMappingDeps): Promise<ClerkMapping> {
  // The session token's `email` claim (when a template adds one) says nothing about verification: not used.
  const email = verifiedPrimaryEmail(await deps.fetchUserEmails(claims.sub));
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
  return clerkClaimsSchema.parse(payload);
}

/**
 * A tiny time-boxed cache so a Clerk session is not mapped again on every request; 30 s at most,
 * like the email + password sessions' staff re-check, so deactivation and role changes apply quickly.
 */
export function createMappingCache(ttlMs = 30_000, now: () => number = Date.now) {
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
