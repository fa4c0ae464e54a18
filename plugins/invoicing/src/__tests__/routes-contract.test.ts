import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPublicRoute, unguardedRoutes } from "@voltura/medusa-kit";

const api = path.resolve(__dirname, "../api");

describe("invoicing plugin routes", () => {
  it("declares roles on every handler (deny by default)", async () => {
    expect(await unguardedRoutes(api, (file) => import(file))).toEqual([]);
  });

  it("has exactly one deliberately public handler: the signed document link", async () => {
    const share = await import(path.join(api, "public/sales-documents/[token]/route.ts"));
    expect(isPublicRoute(share.GET)).toBe(true);
    expect(share.AUTHENTICATE).toBe(false);
  });
});
