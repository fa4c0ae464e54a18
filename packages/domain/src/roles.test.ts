import { describe, expect, it } from "vitest";
import { MANAGERS, roleAllowed } from "./roles.js";

describe("roleAllowed", () => {
  it("allows listed roles only", () => {
    expect(roleAllowed("manager", MANAGERS)).toBe(true);
    expect(roleAllowed("cashier", MANAGERS)).toBe(false);
  });
  it("denies missing or unknown roles", () => {
    expect(roleAllowed(undefined, MANAGERS)).toBe(false);
    expect(roleAllowed("", MANAGERS)).toBe(false);
    expect(roleAllowed("root", MANAGERS)).toBe(false);
  });
});

import { checkStaffChange } from "./roles.js";

describe("checkStaffChange", () => {
  it("lets an owner create staff, promote a manager to owner, rename and deactivate others", () => {
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", newRole: "cashier" })).toEqual({ ok: true });
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u2", targetRole: "manager", newRole: "owner" })).toEqual({ ok: true });
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u2", targetRole: "cashier" })).toEqual({ ok: true });
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u2", targetRole: "technician", deactivate: true })).toEqual({ ok: true });
  });
  it("refuses managers: they may read staff but never create, re-role or deactivate anyone", () => {
    const refused = { ok: false, reason: "Only an owner can create or change staff accounts" };
    expect(checkStaffChange({ actorRole: "manager", actorId: "u1", newRole: "cashier" })).toEqual(refused);
    expect(checkStaffChange({ actorRole: "manager", actorId: "u1", newRole: "owner" })).toEqual(refused);
    expect(checkStaffChange({ actorRole: "manager", actorId: "u1", targetId: "u2", targetRole: "cashier", newRole: "technician" })).toEqual(refused);
    expect(checkStaffChange({ actorRole: "manager", actorId: "u1", targetId: "u2", targetRole: "cashier", deactivate: true })).toEqual(refused);
    expect(checkStaffChange({ actorRole: "manager", actorId: "u1", targetId: "u1", targetRole: "manager", newRole: "owner" })).toEqual(refused);
  });
  it("stops anyone deactivating or demoting themselves, owners included", () => {
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u1", targetRole: "owner", deactivate: true }).ok).toBe(false);
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u1", targetRole: "owner", newRole: "manager" })).toEqual({
      ok: false,
      reason: "You cannot change your own role or deactivate yourself",
    });
    // Renaming yourself, or "changing" to the role you already have, is no demotion.
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u1", targetRole: "owner", newRole: "owner" }).ok).toBe(true);
  });
  it("refuses cashiers, technicians and service roles", () => {
    for (const actorRole of ["cashier", "technician", "system", "integration"] as const) {
      expect(checkStaffChange({ actorRole, actorId: "u1", newRole: "cashier" }).ok).toBe(false);
    }
  });
});
