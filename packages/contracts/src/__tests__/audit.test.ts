import { describe, expect, it } from "vitest";
import { auditExportPath } from "../audit.js";

describe("audit paths", () => {
  it("builds the export path from the filters only", () => {
    expect(auditExportPath({ entity: "staff", cursor: "c", limit: 10, to: "2026-11-30" })).toBe("/admin/audit/export?entity=staff&to=2026-11-30");
    expect(auditExportPath({})).toBe("/admin/audit/export");
  });
});
