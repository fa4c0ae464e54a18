import path from "node:path";
import { describe, expect, it } from "vitest";
import { unguardedRoutes } from "@voltura/medusa-kit";

describe("inventory plugin routes", () => {
  it("declares roles on every handler (deny by default)", async () => {
    expect(await unguardedRoutes(path.resolve(__dirname, "../api"), (file) => import(file))).toEqual([]);
  });
});
