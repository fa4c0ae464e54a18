import { describe, expect, it } from "vitest";
import { splitName, toStaffMember } from "../domain/staff-shape";

describe("staff shape", () => {
  it("splits a Malaysian full name into first and last", () => {
    expect(splitName("Mei Ling Tan")).toEqual({ first_name: "Mei", last_name: "Ling Tan" });
    expect(splitName("Siti")).toEqual({ first_name: "Siti", last_name: null });
  });

  it("reads role, active flag and language from the user's metadata", () => {
    const staff = toStaffMember({ id: "u1", email: "a@b.c", first_name: "Siti", last_name: null, metadata: { role: "cashier", active: false } } as never);
    expect(staff).toEqual({ id: "u1", email: "a@b.c", name: "Siti", role: "cashier", active: false, locale: null });
    const malay = toStaffMember({ id: "u3", email: "m@b.c", metadata: { role: "manager", locale: "ms" } } as never);
    expect(malay.locale).toBe("ms");
    expect(toStaffMember({ id: "u4", email: "x@b.c", metadata: { role: "manager", locale: "fr" } } as never).locale).toBeNull();
  });

  it("treats a user without a role as no staff member", () => {
    expect(toStaffMember({ id: "u2", email: "x@y.z", metadata: null } as never)).toMatchObject({ role: null, active: true, name: "x@y.z" });
  });
});
