import path from "node:path";
import { describe, expect, it } from "vitest";
import { unguardedRoutes } from "@voltura/medusa-kit";

const api = path.resolve(__dirname, "../api");

describe("pos plugin routes", () => {
  it("declares roles on every handler (deny by default)", async () => {
    expect(await unguardedRoutes(api, (file) => import(file))).toEqual([]);
  });
});
