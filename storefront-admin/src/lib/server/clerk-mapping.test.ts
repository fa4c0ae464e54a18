import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createMappingCache, mapClerkUserToStaff, verifiedPrimaryEmail, verifyClerkSessionToken, type ClerkMappingDeps, type ClerkUserEmails } from "./clerk-mapping";
import type { StaffMember } from "./staff-api";

/** A Clerk-like session token, signed locally with RS256 and verified without any network. */
let privateKey: CryptoKey;
let jwtKey: string;
let otherJwtKey: string;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  jwtKey = await exportSPKI(pair.publicKey);
  otherJwtKey = await exportSPKI((await generateKeyPair("RS256", { extractable: true })).publicKey);
});

async function sessionToken(claims: Record<string, unknown>, expiresIn = "5m"): Promise<string> {
  return new SignJWT({ sid: "sess_test", azp: "http://localhost:5173", ...claims })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "ins_test" })
    .setIssuer("https://clerk.voltura.test")
    .setSubject("user_2abc")
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

const manager: StaffMember = { id: "user_01MANAGER", email: "manager@voltura.demo", name: "Mei Ling", role: "manager", active: true };

/** A Clerk user object (Backend API JSON) with these addresses; the first is primary unless told. */
function clerkUser(addresses: Array<{ email: string; status: string | null }>, primaryIndex = 0): ClerkUserEmails {
  const email_addresses = addresses.map((a, i) => ({
    id: `idn_${i}`,
    email_address: a.email,
    verification: a.status === null ? null : { status: a.status },
  }));
  return { primary_email_address_id: email_addresses[primaryIndex]?.id ?? null, email_addresses };
}

const verified = (email: string) => clerkUser([{ email, status: "verified" }]);

function deps(records: StaffMember[], user: ClerkUserEmails | null = null): ClerkMappingDeps {
  return {
    findStaffByEmail: vi.fn(async (email: string) => records.find((r) => r.email === email) ?? null),
    fetchUserEmails: vi.fn(async () => user),
  };
}

describe("Clerk session token verification (networkless, CLERK_JWT_KEY)", () => {
  it("accepts a token signed with the matching key and returns its claims", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({ email: "manager@voltura.demo" }), { jwtKey });
    expect(claims.sub).toBe("user_2abc");
    expect(claims.email).toBe("manager@voltura.demo");
  });

  it("checks the authorised party when given", async () => {
    const token = await sessionToken({});
    await expect(verifyClerkSessionToken(token, { jwtKey, authorizedParties: ["http://localhost:5173"] })).resolves.toBeTruthy();
    await expect(verifyClerkSessionToken(token, { jwtKey, authorizedParties: ["https://evil.example"] })).rejects.toThrow();
  });

  it("rejects a token signed with another key", async () => {
    await expect(verifyClerkSessionToken(await sessionToken({}), { jwtKey: otherJwtKey })).rejects.toThrow();
  });

  it("rejects an expired token", async () => {
    const token = await new SignJWT({ sid: "s" })
      .setProtectedHeader({ alg: "RS256", typ: "JWT" })
      .setSubject("user_2abc")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setNotBefore(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(privateKey);
    await expect(verifyClerkSessionToken(token, { jwtKey })).rejects.toThrow();
  });
});

describe("Clerk user → staff member", () => {
  it("maps by the user's verified primary email, taking the role from the staff record", async () => {
    const d = deps([manager], verified("Manager@Voltura.Demo"));
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    const result = await mapClerkUserToStaff(claims, d);
    expect(result).toEqual({ ok: true, staff: { id: "user_01MANAGER", email: "manager@voltura.demo", name: "Mei Ling", role: "manager" } });
    expect(d.fetchUserEmails).toHaveBeenCalledWith("user_2abc");
    expect(d.findStaffByEmail).toHaveBeenCalledWith("manager@voltura.demo");
  });

  it("does not trust an `email` session claim: a signed token naming the manager is not enough", async () => {
    const d = deps([manager], clerkUser([{ email: "manager@voltura.demo", status: "unverified" }]));
    const claims = await verifyClerkSessionToken(await sessionToken({ email: "manager@voltura.demo" }), { jwtKey });
    expect(await mapClerkUserToStaff(claims, d)).toEqual({ ok: false, status: 403, message: "not a staff member", email: null });
    expect(d.findStaffByEmail).not.toHaveBeenCalled();
  });

  it.each([
    ["unverified", clerkUser([{ email: "manager@voltura.demo", status: "unverified" }])],
    ["with an expired verification", clerkUser([{ email: "manager@voltura.demo", status: "expired" }])],
    ["with a failed verification", clerkUser([{ email: "manager@voltura.demo", status: "failed" }])],
    ["never verified (no verification object)", clerkUser([{ email: "manager@voltura.demo", status: null }])],
    ["verified, but not the primary one", clerkUser([{ email: "someone@gmail.com", status: "unverified" }, { email: "manager@voltura.demo", status: "verified" }])],
    ["without a primary address", { ...verified("manager@voltura.demo"), primary_email_address_id: null }],
    ["with a primary id that matches no address", { ...verified("manager@voltura.demo"), primary_email_address_id: "idn_gone" }],
  ])("refuses a staff email that is %s", async (_name, user) => {
    const d = deps([manager], user);
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    expect(await mapClerkUserToStaff(claims, d)).toMatchObject({ ok: false, status: 403, message: "not a staff member" });
    expect(d.findStaffByEmail).not.toHaveBeenCalled();
  });

  it("reads the primary address among several", () => {
    const user = clerkUser([{ email: "old@gmail.com", status: "unverified" }, { email: " Cashier@Voltura.Demo ", status: "verified" }], 1);
    expect(verifiedPrimaryEmail(user)).toBe("cashier@voltura.demo");
    expect(verifiedPrimaryEmail({ unexpected: true })).toBeNull();
    expect(verifiedPrimaryEmail(null)).toBeNull();
  });

  it("refuses people who are not staff with 403 'not a staff member'", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    expect(await mapClerkUserToStaff(claims, deps([manager], verified("stranger@gmail.com")))).toEqual({
      ok: false,
      status: 403,
      message: "not a staff member",
      email: "stranger@gmail.com",
    });
  });

  it("refuses inactive staff and service accounts", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    const user = verified("manager@voltura.demo");
    expect((await mapClerkUserToStaff(claims, deps([{ ...manager, active: false }], user))).ok).toBe(false);
    expect((await mapClerkUserToStaff(claims, deps([{ ...manager, role: "system" }], user))).ok).toBe(false);
  });

  it("refuses when Clerk has no such user", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    expect(await mapClerkUserToStaff(claims, deps([manager], null))).toMatchObject({ ok: false, status: 403, email: null });
  });
});

describe("mapping cache", () => {
  it("keeps a mapping 30 seconds by default", async () => {
    let t = 0;
    const cache = createMappingCache(undefined, () => t);
    const load = vi.fn(async () => ({ ok: false, status: 403, message: "not a staff member", email: null }) as const);
    await cache.get("sess_1", load);
    t = 29_999;
    await cache.get("sess_1", load);
    t = 30_000;
    await cache.get("sess_1", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("reuses a mapping for its lifetime, then loads again", async () => {
    let t = 0;
    const cache = createMappingCache(1000, () => t);
    const load = vi.fn(async () => ({ ok: false, status: 403, message: "not a staff member", email: null }) as const);
    await cache.get("sess_1", load);
    t = 999;
    await cache.get("sess_1", load);
    expect(load).toHaveBeenCalledTimes(1);
    t = 1000;
    await cache.get("sess_1", load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
