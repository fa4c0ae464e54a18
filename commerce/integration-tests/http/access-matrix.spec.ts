import { createRequire } from "node:module";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import type { AnyRole } from "@voltura/domain";
import { CORE_ROUTE_ALLOWLIST, routePolicies, STAFF_ROUTE_FN_NAME, type RoutePolicy } from "@voltura/medusa-kit";
import { authHeaders, createStaffUser, settle, newStaffHeaders } from "./helpers";

/**
 * Route × role matrix, generated from the running app: every route the live Express router
 * holds under /admin (Medusa's own and every plugin's) and every Voltura public route, called as
 * each kind of caller. Expected access comes from the declarations, never from a hand list:
 * a Voltura route's staffRoute roles (read from the plugins' built route files) or, for
 * Medusa's own routes, CORE_ROUTE_ALLOWLIST (deny by default).
 */

const requireHere = createRequire(path.join(process.cwd(), "package.json"));

// Capture the Express app the test runner boots (it is not exposed otherwise).
const express = createRequire(requireHere.resolve("@medusajs/test-utils"))("express") as { application: { listen: (...a: unknown[]) => unknown } };
type LiveApp = { _router?: { stack: Layer[] } };
const booted: LiveApp[] = [];
const originalListen = express.application.listen;
express.application.listen = function listen(this: LiveApp, ...args: unknown[]) {
  booted.push(this);
  return originalListen.apply(this, args);
};

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean>; stack: Array<{ handle: { name: string } }> };
}

type Caller = "owner" | "manager" | "cashier" | "technician" | "system" | "integration" | "anonymous";
const CALLERS: readonly Caller[] = ["owner", "manager", "cashier", "technician", "system", "integration", "anonymous"];
const CONCURRENCY = 16;
const DUMMY_ID = "matrix_dummy_0001";

interface LiveRoute {
  path: string;
  method: string;
  voltura: boolean;
}

function liveRoutes(): LiveRoute[] {
  const stack = booted.at(-1)?._router?.stack ?? [];
  const seen = new Map<string, LiveRoute>();
  for (const layer of stack) {
    const p = layer.route?.path;
    if (typeof p !== "string" || !/^\/(admin|public)(\/|$)/.test(p)) continue;
    const voltura = layer.route!.stack.some((s) => s.handle.name === STAFF_ROUTE_FN_NAME);
    for (const [m, on] of Object.entries(layer.route!.methods)) {
      if (!on || m === "_all") continue;
      const key = `${m.toUpperCase()} ${p}`;
      const prev = seen.get(key);
      seen.set(key, { path: p, method: m.toUpperCase(), voltura: voltura || !!prev?.voltura });
    }
  }
  return [...seen.values()];
}

async function volturaPolicies(): Promise<Map<string, RoutePolicy>> {
  const pkg = requireHere("./package.json") as { dependencies: Record<string, string> };
  const plugins = Object.keys(pkg.dependencies).filter((name) => name.startsWith("@voltura/plugin-"));
  const map = new Map<string, RoutePolicy>();
  for (const plugin of plugins) {
    const apiDir = path.join(path.dirname(requireHere.resolve(`${plugin}/package.json`)), ".medusa", "server", "src", "api");
    for (const policy of await routePolicies(apiDir, async (file) => requireHere(file))) map.set(`${policy.method} ${policy.route}`, policy);
  }
  return map;
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_access_matrix",
  testSuite: ({ api, getContainer }) => {
    async function callers(): Promise<Record<Caller, Record<string, string>>> {
      const headers: Partial<Record<Caller, Record<string, string>>> = { anonymous: {} };
      for (const role of ["owner", "manager", "cashier", "technician"] as const) {
        const user = await createStaffUser(getContainer(), role, `${role}-matrix-${Date.now()}@test.local`);
        headers[role] = (await authHeaders(user.id, role)).headers;
      }
      headers.system = (await authHeaders("system:matrix", "system")).headers;
      const [key] = await getContainer().resolve(Modules.API_KEY).createApiKeys([{ title: "Matrix add-on", type: "secret", created_by: "matrix" }]);
      headers.integration = { authorization: `Basic ${Buffer.from(`${key!.token}:`).toString("base64")}` };
      return headers as Record<Caller, Record<string, string>>;
    }

    it("answers every route × role as declared: no unauthorised 2xx, no allowed role refused", async () => {
      const routes = liveRoutes();
      expect(routes.length).toBeGreaterThan(300);
      const policies = await volturaPolicies();

      // The router and the declarations agree on which endpoints are Voltura's.
      const liveVoltura = new Set(routes.filter((r) => r.voltura).map((r) => `${r.method} ${r.path}`));
      const declared = [...policies.values()].filter((p) => p.route.startsWith("/admin"));
      expect(declared.filter((p) => !liveVoltura.has(`${p.method} ${p.route}`)).map((p) => `${p.method} ${p.route}`)).toEqual([]);
      expect([...liveVoltura].filter((k) => !policies.has(k))).toEqual([]);
      expect([...policies.values()].filter((p) => p.roles === null).map((p) => `${p.method} ${p.route}`)).toEqual([]);

      const headers = await callers();
      type Case = { route: LiveRoute; caller: Caller; allowed: boolean; query: string };
      const cases: Case[] = [];
      for (const route of routes) {
        const policy = policies.get(`${route.method} ${route.path}`);
        const grant = policy ? undefined : CORE_ROUTE_ALLOWLIST.find((g) => g.method === route.method && g.route === route.path);
        const query = grant?.fields ? `?fields=${encodeURIComponent(grant.fields.join(","))}` : "";
        for (const caller of CALLERS) {
          let allowed: boolean;
          if (policy) allowed = policy.roles === "public" || (caller !== "anonymous" && (policy.roles as readonly AnyRole[]).includes(caller));
          else allowed = !!grant && caller !== "anonymous" && grant.roles.includes(caller);
          cases.push({ route, caller, allowed, query });
        }
      }

      const unauthorised: string[] = [];
      const refused: string[] = [];
      const serverErrors: string[] = [];
      const started = Date.now();
      await inBatches(cases, async ({ route, caller, allowed, query }) => {
        const url = route.path.replace(/:\w+/g, DUMMY_ID) + query;
        const r = await api.request({
          method: route.method,
          url,
          headers: headers[caller],
          data: ["POST", "PUT", "PATCH", "DELETE"].includes(route.method) ? {} : undefined,
          validateStatus: () => true,
          timeout: 60_000,
          // the live stream never ends by itself: its status is enough
          ...(route.path === "/admin/live" ? { responseType: "stream" as const } : {}),
        });
        if (route.path === "/admin/live") (r.data as { destroy?: () => void }).destroy?.();
        const line = `${route.method} ${route.path} as ${caller} → ${r.status}`;
        if (!allowed && r.status !== 401 && r.status !== 403) unauthorised.push(line);
        if (allowed && (r.status === 401 || r.status === 403)) refused.push(`${line} ${JSON.stringify(r.data?.message ?? "")}`);
        if (r.status >= 500) serverErrors.push(line);
      });

      const core = routes.filter((r) => !policies.has(`${r.method} ${r.path}`));
      console.log(
        `access matrix: ${routes.length} routes (${routes.length - core.length} Voltura, ${core.length} Medusa core) × ${CALLERS.length} callers = ` +
          `${cases.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; allowed ${cases.filter((c) => c.allowed).length}, ` +
          `refused ${cases.filter((c) => !c.allowed).length}; unauthorised 2xx/other: ${unauthorised.length}; allowed but refused: ${refused.length}; 5xx: ${serverErrors.length}`,
      );
      if (serverErrors.length) console.log(`5xx answers (not an access failure):\n${serverErrors.join("\n")}`);
      expect(unauthorised).toEqual([]);
      expect(refused).toEqual([]);
      // Thousands of requests: a busy two-core machine needs more than the default two minutes.
    }, 360_000);

    it("keeps a cashier out of Medusa's own admin API, whatever token it signs in with", async () => {
      const container = getContainer();
      const ownerUser = await createStaffUser(container, "owner");
      const owner = await authHeaders(ownerUser.id, "owner");
      const created = await api.post("/admin/staff", { email: "cashier.matrix@test.local", name: "Siti Cashier", role: "cashier", password: "Ranting-Hujan-Sepuluh-77" }, owner);
      const cashierId = created.data.staff.id as string;
      const technician = await createStaffUser(container, "technician");

      const login = await settle(api.post("/auth/user/emailpass", { email: "cashier.matrix@test.local", password: "Ranting-Hujan-Sepuluh-77" }));
      expect(login.status).toBe(200);
      const tokens = {
        "Medusa's own login": { headers: { authorization: `Bearer ${login.data.token}` } },
        "console-minted": await authHeaders(cashierId, "cashier"),
      };
      for (const [kind, asCashier] of Object.entries(tokens)) {
        for (const target of [cashierId, technician.id]) {
          const r = await settle(api.post(`/admin/users/${target}`, { metadata: { role: "owner", active: true } }, asCashier));
          expect({ kind, target, status: r.status }).toEqual({ kind, target, status: 403 });
        }
        for (const list of ["/admin/users", "/admin/api-keys", "/admin/invites", "/admin/customers", "/admin/orders", "/admin/products", "/admin/inventory-items"]) {
          const r = await settle(api.get(list, asCashier));
          expect({ kind, list, status: r.status }).toEqual({ kind, list, status: 403 });
        }
      }
      const users = container.resolve(Modules.USER);
      expect((await users.retrieveUser(cashierId)).metadata).toMatchObject({ role: "cashier", active: true });
      expect((await users.retrieveUser(technician.id)).metadata).toMatchObject({ role: "technician" });
      // Staff accounts change only through the owner-only staff routes.
      expect((await settle(api.post(`/admin/staff/${cashierId}`, { role: "owner" }, tokens["console-minted"]))).status).toBe(403);
    });

    it("refuses a deactivated staff member's still-valid token on the very next request, and a stale role", async () => {
      const container = getContainer();
      const owner = await newStaffHeaders(container, "owner");
      const tech = await createStaffUser(container, "technician");
      const cashier = await createStaffUser(container, "cashier");
      const asTech = await authHeaders(tech.id, "technician");
      const asCashier = await authHeaders(cashier.id, "cashier");
      expect((await settle(api.get("/admin/staff/me", asTech))).status).toBe(200);
      expect((await settle(api.get("/admin/repair-jobs", asTech))).status).toBe(200);

      expect((await api.post(`/admin/staff/${tech.id}`, { active: false }, owner)).data.staff.active).toBe(false);
      const after = await settle(api.get("/admin/staff/me", asTech));
      expect(after).toMatchObject({ status: 401, data: { type: "staff_inactive" } });
      expect((await settle(api.get("/admin/repair-jobs", asTech))).status).toBe(401);

      await api.post(`/admin/staff/${cashier.id}`, { role: "technician" }, owner);
      expect(await settle(api.get("/admin/staff/me", asCashier))).toMatchObject({ status: 401, data: { type: "staff_role_changed" } });
      expect((await settle(api.get("/admin/staff/me", await authHeaders(cashier.id, "technician")))).status).toBe(200);
    });
  },
});
