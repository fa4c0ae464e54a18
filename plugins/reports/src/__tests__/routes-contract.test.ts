import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES_MARK, unguardedRoutes } from "@voltura/medusa-kit";

const api = path.resolve(__dirname, "../api");

describe("reports plugin routes", () => {
  it("declares roles on every handler, managers and owners only", async () => {
    expect(await unguardedRoutes(api, (file) => import(file))).toEqual([]);
    for (const file of ["admin/reports/route.ts", "admin/reports/export/route.ts"]) {
      const mod = (await import(path.join(api, file))) as { GET: Record<symbol, unknown> };
      expect(mod.GET[ROLES_MARK]).toEqual(["owner", "manager"]);
    }
  });
});
