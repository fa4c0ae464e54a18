import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPublicRoute, unguardedRoutes } from "@voltura/medusa-kit";

const api = path.resolve(__dirname, "../api");

describe("repair plugin routes", () => {
  it("declares roles on every handler (deny by default)", async () => {
    expect(await unguardedRoutes(api, (file) => import(file))).toEqual([]);
  });

  it("has exactly one deliberately public handler: the customer's tracking page", async () => {
    const track = await import(path.join(api, "public/track/[token]/route.ts"));
    expect(isPublicRoute(track.GET)).toBe(true);
    expect(track.AUTHENTICATE).toBe(false);
    const staffOnly = await import(path.join(api, "admin/repair-jobs/[id]/route.ts"));
    expect(isPublicRoute(staffOnly.GET)).toBe(false);
  });
});
