import { STAFF_ROLES } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { navFor } from "./nav";
import { decideAccess } from "./route-access";

describe("customers and shop settings access", () => {
  it("lets every staff role open the customer list and a customer", () => {
    for (const role of STAFF_ROLES) {
      for (const id of ["/(staff)/customers", "/(staff)/customers/[id]"]) {
        expect(decideAccess(id, role), `${role} → ${id}`).toEqual({ kind: "allow" });
      }
    }
  });

  it("keeps the customer and stock CSV exports for owners and managers", () => {
    for (const id of ["/(staff)/customers/export", "/(staff)/inventory/export"]) {
      expect(decideAccess(id, "owner").kind).toBe("allow");
      expect(decideAccess(id, "manager").kind).toBe("allow");
      expect(decideAccess(id, "cashier")).toEqual({ kind: "forbidden", reason: "role" });
      expect(decideAccess(id, "technician")).toEqual({ kind: "forbidden", reason: "role" });
      expect(decideAccess(id, null)).toEqual({ kind: "sign-in" });
    }
  });

  it("lets owners, managers and cashiers add customers, not technicians", () => {
    for (const role of ["owner", "manager", "cashier"]) expect(decideAccess("/(staff)/customers/new", role).kind).toBe("allow");
    expect(decideAccess("/(staff)/customers/new", "technician")).toEqual({ kind: "forbidden", reason: "role" });
  });

  it("keeps the duplicates report and shop settings for owners and managers", () => {
    for (const id of ["/(staff)/customers/duplicates", "/(staff)/settings/shop"]) {
      expect(decideAccess(id, "owner").kind).toBe("allow");
      expect(decideAccess(id, "manager").kind).toBe("allow");
      expect(decideAccess(id, "cashier")).toEqual({ kind: "forbidden", reason: "role" });
      expect(decideAccess(id, "technician")).toEqual({ kind: "forbidden", reason: "role" });
      expect(decideAccess(id, null)).toEqual({ kind: "sign-in" });
    }
  });

  it("shows Customers to all staff and Shop settings to owners and managers only", () => {
    for (const role of STAFF_ROLES) expect(navFor(role).map((i) => i.label)).toContain("Customers");
    expect(navFor("owner").map((i) => i.href)).toContain("/settings/shop");
    expect(navFor("manager").map((i) => i.href)).toContain("/settings/shop");
    expect(navFor("cashier").map((i) => i.href)).not.toContain("/settings/shop");
    expect(navFor("technician").map((i) => i.href)).not.toContain("/settings/shop");
  });
});
