import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES_MARK, unguardedRoutes } from "@voltura/medusa-kit";

const api = path.resolve(__dirname, "../api");

describe("reports plugin routes", () => {
  it("declares roles on every handler: reports for managers and owners, the dashboard and activity for the repair desk", async () => {
    expect(await unguardedRoutes(api, (file) => import(file))).toEqual([]);
    for (const file of ["admin/reports/route.ts", "admin/reports/export/route.ts"]) {
      const mod = (await import(path.join(api, file))) as { GET: Record<symbol, unknown> };
      expect(mod.GET[ROLES_MARK]).toEqual(["owner", "manager"]);
    }
    const dashboard = (await import(path.join(api, "admin/dashboard/route.ts"))) as { GET: Record<symbol, unknown> };
    expect(dashboard.GET[ROLES_MARK]).toEqual(["owner", "manager", "cashier", "technician"]);
    // The activity feed: every staff role, each reading only its own types (checked in the handler).
    const activity = (await import(path.join(api, "admin/activity/route.ts"))) as { GET: Record<symbol, unknown> };
    expect(activity.GET[ROLES_MARK]).toEqual(["owner", "manager", "cashier", "technician"]);
  });
});
