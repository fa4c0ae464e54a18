import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routePolicies, unguardedRoutes } from "../route-contract.js";
import { publicRoute } from "../public-route.js";
import { staffRoute } from "../staff-route.js";

describe("unguardedRoutes", () => {
  it("names every handler that was not declared through staffRoute", async () => {
    const api = mkdtempSync(path.join(os.tmpdir(), "routes-"));
    mkdirSync(path.join(api, "admin", "things"), { recursive: true });
    writeFileSync(path.join(api, "admin", "things", "route.ts"), "");
    writeFileSync(path.join(api, "admin", "route.ts"), "");
    const modules: Record<string, Record<string, unknown>> = {
      [path.join(api, "admin", "things", "route.ts")]: { GET: staffRoute(["owner"], () => undefined), POST: async () => undefined },
      [path.join(api, "admin", "route.ts")]: { DELETE: async () => undefined, helper: () => 1 },
    };
    const problems = await unguardedRoutes(api, async (file) => modules[file]!);
    expect(problems.sort()).toEqual(["admin/route.ts DELETE", "admin/things/route.ts POST"]);
  });

  it("accepts a handler deliberately marked public, and nothing that merely looks like one", async () => {
    const api = mkdtempSync(path.join(os.tmpdir(), "routes-"));
    mkdirSync(path.join(api, "public", "track"), { recursive: true });
    const file = path.join(api, "public", "track", "route.ts");
    writeFileSync(file, "");
    const lookalike = Object.assign(async () => undefined, { [Symbol("voltura.route.public")]: true, public: true });
    const problems = await unguardedRoutes(api, async () => ({ GET: publicRoute(() => undefined), POST: lookalike }));
    expect(problems).toEqual([path.join("public", "track", "route.ts") + " POST"]);
  });

  it("refuses a public handler under /admin or /store", async () => {
    const api = mkdtempSync(path.join(os.tmpdir(), "routes-"));
    mkdirSync(path.join(api, "admin", "secrets"), { recursive: true });
    writeFileSync(path.join(api, "admin", "secrets", "route.ts"), "");
    const problems = await unguardedRoutes(api, async () => ({ GET: publicRoute(() => undefined) }));
    expect(problems).toEqual([`${path.join("admin", "secrets", "route.ts")} GET (publicRoute under /admin or /store)`]);
  });
});

describe("routePolicies", () => {
  it("lists every handler with its route as Medusa derives it and the roles it declares", async () => {
    const api = mkdtempSync(path.join(os.tmpdir(), "routes-"));
    mkdirSync(path.join(api, "admin", "staff", "[id]"), { recursive: true });
    mkdirSync(path.join(api, "public", "track", "[token]"), { recursive: true });
    mkdirSync(path.join(api, "admin", "_drafts"), { recursive: true });
    const staffFile = path.join(api, "admin", "staff", "[id]", "route.js");
    const trackFile = path.join(api, "public", "track", "[token]", "route.js");
    for (const f of [staffFile, trackFile, path.join(api, "admin", "_drafts", "route.js")]) writeFileSync(f, "");
    const modules: Record<string, Record<string, unknown>> = {
      [staffFile]: { GET: staffRoute(["owner", "manager"], () => undefined), POST: staffRoute(["owner"], () => undefined), DELETE: async () => undefined },
      [trackFile]: { GET: publicRoute(() => undefined) },
    };
    const policies = await routePolicies(api, async (file) => modules[file] ?? {});
    expect(policies.sort((a, b) => `${a.route}${a.method}`.localeCompare(`${b.route}${b.method}`))).toEqual([
      { route: "/admin/staff/:id", method: "DELETE", roles: null },
      { route: "/admin/staff/:id", method: "GET", roles: ["owner", "manager"] },
      { route: "/admin/staff/:id", method: "POST", roles: ["owner"] },
      { route: "/public/track/:token", method: "GET", roles: "public" },
    ]);
  });
});
