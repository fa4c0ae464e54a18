import { describe, expect, it } from "vitest";
import { navFor } from "$lib/server/nav";
import { decideAccess } from "$lib/server/route-access";
import { auditExportHref, auditHref, describeChange, readAuditFilters } from "./audit-filters";

describe("audit page filters", () => {
  it("reads the URL into filters and a commerce query, empty values left out", () => {
    const r = readAuditFilters(new URLSearchParams("actor_id=user_1&entity=&action=staff.*&from=2026-11-01&to=2026-11-30"));
    expect(r.problem).toBeNull();
    expect(r.query).toEqual({ actor_id: "user_1", action: "staff.*", from: "2026-11-01", to: "2026-11-30", limit: 50 });
    expect(auditHref(r.filters)).toBe("/audit?actor_id=user_1&action=staff.*&from=2026-11-01&to=2026-11-30");
    expect(auditHref(r.filters, "2026-11-30T08:00:00.000001Z~aud_1")).toContain("&cursor=2026-11-30T08%3A00%3A00.000001Z%7Eaud_1");
    expect(auditExportHref(r.filters)).toBe("/audit/export?actor_id=user_1&action=staff.*&from=2026-11-01&to=2026-11-30");
  });
  it("names the filters at fault instead of querying", () => {
    const r = readAuditFilters(new URLSearchParams("from=2026-12-01&to=2026-11-01&action=DROP TABLE"));
    expect(r.query).toBeNull();
    expect(r.problem).toBe("Check these filters: action, to date.");
  });
  it("describes a change as before → after", () => {
    expect(describeChange("role", { before: "cashier", after: "owner" })).toBe("role: cashier → owner");
    expect(describeChange("email", { before: null, after: "a@b.c" })).toBe("email: — → a@b.c");
  });
});

describe("audit page access", () => {
  it("is for owners and managers, in their navigation only", () => {
    for (const role of ["owner", "manager"] as const) {
      expect(navFor(role).map((i) => i.href)).toContain("/audit");
      expect(decideAccess("/(staff)/audit/export", role)).toEqual({ kind: "allow" });
    }
    for (const role of ["cashier", "technician"] as const) {
      expect(navFor(role).map((i) => i.href)).not.toContain("/audit");
      expect(decideAccess("/(staff)/audit", role)).toEqual({ kind: "forbidden", reason: "role" });
    }
  });
});
