import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createMappingCache, mapClerkUserToStaff, verifyClerkSessionToken, type ClerkMappingDeps } from "./clerk-mapping";
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

function deps(records: StaffMember[], primaryEmail: string | null = null): ClerkMappingDeps {
  return {
    findStaffByEmail: vi.fn(async (email: string) => records.find((r) => r.email === email) ?? null),
    fetchPrimaryEmail: vi.fn(async () => primaryEmail),
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
  it("maps by the `email` session claim, taking the role from the staff record", async () => {
    const d = deps([manager]);
    const claims = await verifyClerkSessionToken(await sessionToken({ email: "Manager@Voltura.Demo" }), { jwtKey });
    const result = await mapClerkUserToStaff(claims, d);
    expect(result).toEqual({ ok: true, staff: { id: "user_01MANAGER", email: "manager@voltura.demo", name: "Mei Ling", role: "manager" } });
    expect(d.findStaffByEmail).toHaveBeenCalledWith("manager@voltura.demo");
    expect(d.fetchPrimaryEmail).not.toHaveBeenCalled();
  });

  it("falls back to the user's primary email from Clerk when the claim is missing", async () => {
    const d = deps([manager], "manager@voltura.demo");
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    const result = await mapClerkUserToStaff(claims, d);
    expect(result.ok).toBe(true);
    expect(d.fetchPrimaryEmail).toHaveBeenCalledWith("user_2abc");
  });

  it("refuses people who are not staff with 403 'not a staff member'", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({ email: "stranger@gmail.com" }), { jwtKey });
    expect(await mapClerkUserToStaff(claims, deps([manager]))).toEqual({
      ok: false,
      status: 403,
      message: "not a staff member",
      email: "stranger@gmail.com",
    });
  });

  it("refuses inactive staff and service accounts", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({ email: "manager@voltura.demo" }), { jwtKey });
    expect((await mapClerkUserToStaff(claims, deps([{ ...manager, active: false }]))).ok).toBe(false);
    expect((await mapClerkUserToStaff(claims, deps([{ ...manager, role: "system" }]))).ok).toBe(false);
  });

  it("refuses when no email can be found at all", async () => {
    const claims = await verifyClerkSessionToken(await sessionToken({}), { jwtKey });
    expect(await mapClerkUserToStaff(claims, deps([manager], null))).toMatchObject({ ok: false, status: 403, email: null });
  });
});

describe("mapping cache", () => {
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
