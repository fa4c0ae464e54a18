import { describe, expect, it } from "vitest";
import { maintenanceMessage, refusedInMaintenance, requestPath } from "../domain/maintenance-rules";

describe("which requests maintenance mode refuses", () => {
  it("refuses every write to the staff and public API", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(refusedInMaintenance(method, "/admin/repair-jobs")).toBe(true);
      expect(refusedInMaintenance(method, "/public/track/abc/approve?x=1")).toBe(true);
    }
    expect(refusedInMaintenance("POST", "/admin/campaigns/dispatch/next")).toBe(true);
    expect(refusedInMaintenance("POST", "/admin")).toBe(true);
  });

  it("lets every read through", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(refusedInMaintenance(method, "/admin/repair-jobs")).toBe(false);
      expect(refusedInMaintenance(method, "/public/track/abc")).toBe(false);
    }
  });

  it("keeps the operations routes, the sign-in check and the console's audit events open", () => {
    expect(refusedInMaintenance("POST", "/admin/operations/alerts")).toBe(false);
    expect(refusedInMaintenance("POST", "/admin/operations")).toBe(false);
    expect(refusedInMaintenance("PUT", "/admin/operations/settings?x=1")).toBe(false);
    expect(refusedInMaintenance("POST", "/admin/staff/credentials/check")).toBe(false);
    expect(refusedInMaintenance("POST", "/admin/audit/events")).toBe(false);
    expect(refusedInMaintenance("POST", "/admin/audit/events/")).toBe(false);
  });

  it("does not open look-alike paths", () => {
    expect(refusedInMaintenance("POST", "/admin/operations-archive")).toBe(true);
    expect(refusedInMaintenance("POST", "/admin/audit/events/other")).toBe(true);
    expect(refusedInMaintenance("POST", "/admin/staff/credentials-reset")).toBe(true);
    expect(refusedInMaintenance("POST", "//admin//repair-jobs")).toBe(true);
    expect(refusedInMaintenance("POST", "/ADMIN/Operations/alerts")).toBe(false);
  });

  it("leaves what is outside /admin and /public to Medusa (sign-in, health)", () => {
    expect(refusedInMaintenance("POST", "/auth/user/emailpass")).toBe(false);
    expect(refusedInMaintenance("POST", "/store/carts")).toBe(false);
    expect(refusedInMaintenance("POST", "/administrator")).toBe(false);
  });

  it("normalises the path and says why in the message", () => {
    expect(requestPath("/admin/x/?a=1")).toBe("/admin/x");
    expect(requestPath("/")).toBe("/");
    expect(maintenanceMessage("restoring bk-20261207T030000Z-daily")).toContain("(restoring bk-20261207T030000Z-daily)");
    expect(maintenanceMessage(null)).not.toContain("(");
  });
});
