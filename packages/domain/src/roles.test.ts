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
  it("lets an owner promote a manager to owner", () => {
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u2", targetRole: "manager", newRole: "owner" }).ok).toBe(true);
  });
  it("stops a manager from creating an owner", () => {
    const r = checkStaffChange({ actorRole: "manager", actorId: "u1", newRole: "owner" });
    expect(r).toEqual({ ok: false, reason: "Only an owner can create or change an owner" });
  });
  it("stops a manager from touching an owner", () => {
    expect(checkStaffChange({ actorRole: "manager", actorId: "u1", targetId: "u9", targetRole: "owner", deactivate: true }).ok).toBe(false);
  });
  it("stops anyone deactivating themselves", () => {
    expect(checkStaffChange({ actorRole: "owner", actorId: "u1", targetId: "u1", targetRole: "owner", deactivate: true }).ok).toBe(false);
  });
  it("refuses cashiers and technicians", () => {
    expect(checkStaffChange({ actorRole: "cashier", actorId: "u1", newRole: "cashier" }).ok).toBe(false);
    expect(checkStaffChange({ actorRole: "technician", actorId: "u1", newRole: "cashier" }).ok).toBe(false);
  });
});
