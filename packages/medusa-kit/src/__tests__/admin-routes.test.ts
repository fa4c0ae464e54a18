import { EventEmitter } from "node:events";
import express from "express";
import { describe, expect, it, vi } from "vitest";
import { adminRouteTable, adminRouteTarget } from "../admin-routes.js";
import { auditAdminWrites, auditBody, auditTargetOf } from "../audit.js";
import { CORE_ROUTE_ALLOWLIST, coreRouteDecision } from "../core-route-policy.js";
import { staffRoute } from "../staff-route.js";

const named = (name: string) => Object.defineProperty(async () => undefined, "name", { value: name });
/** Medusa wraps every handler and copies its name onto the wrapper. */
const wrap = (fn: (...a: never[]) => unknown) => Object.defineProperty(async () => fn(), "name", { value: fn.name });

function appLikeMedusa() {
  const app = express();
  app.use("/admin/*", named("requireVolturaActor")); // global middleware: not a route layer
  app.post("/admin/repair-jobs/:id/photos", named("parsePhotoUpload")); // per-route middleware
  app.get("/admin/inventory/levels", wrap(staffRoute(["owner"], () => undefined)));
  app.get("/admin/inventory-items", wrap(named("GET")));
  app.post("/admin/repair-jobs/:id/photos", wrap(staffRoute(["technician"], () => undefined)));
  app.get("/admin/products/special", wrap(named("GET"))); // a core static route before…
  app.get("/admin/products/:id", wrap(staffRoute(["owner"], () => undefined))); // …a Voltura param route
  return app;
}
const req = (app: unknown, method: string, url: string) => ({ app, method, originalUrl: url }) as never;

describe("adminRouteTarget reads the live router", () => {
  const app = appLikeMedusa();
  it("tells Voltura endpoints from Medusa's by the handler the router will run", () => {
    expect(adminRouteTarget(req(app, "GET", "/admin/inventory/levels?x=1"))).toEqual({ kind: "voltura", route: "/admin/inventory/levels" });
    expect(adminRouteTarget(req(app, "GET", "/admin/inventory-items"))).toEqual({ kind: "core", route: "/admin/inventory-items" });
    expect(adminRouteTarget(req(app, "HEAD", "/admin/inventory-items"))).toEqual({ kind: "core", route: "/admin/inventory-items" });
  });
  it("skips per-route middlewares and follows dispatch order", () => {
    expect(adminRouteTarget(req(app, "POST", "/admin/repair-jobs/rj_1/photos"))).toEqual({ kind: "voltura", route: "/admin/repair-jobs/:id/photos" });
    expect(adminRouteTarget(req(app, "GET", "/admin/products/special"))).toEqual({ kind: "core", route: "/admin/products/special" });
    expect(adminRouteTarget(req(app, "GET", "/admin/products/prod_1"))).toEqual({ kind: "voltura", route: "/admin/products/:id" });
  });
  it("treats a method or path no endpoint serves as core (fails closed)", () => {
    expect(adminRouteTarget(req(app, "DELETE", "/admin/inventory/levels"))).toEqual({ kind: "core", route: null });
    expect(adminRouteTarget(req(app, "GET", "/admin/inventory/levels/../../users"))).toEqual({ kind: "core", route: null });
    expect(adminRouteTarget(req({}, "GET", "/admin/inventory/levels"))).toEqual({ kind: "core", route: null });
  });
  it("lists the router's /admin route layers with their kind", () => {
    const kinds = adminRouteTable(app).map((e) => `${e.methods.join("|")} ${e.path} ${e.kind}`);
    expect(kinds).toContain("POST /admin/repair-jobs/:id/photos middleware");
    expect(kinds).toContain("GET /admin/inventory-items core");
  });
});

describe("coreRouteDecision", () => {
  it("refuses every Medusa route that is not listed, for every role", () => {
    for (const role of ["owner", "manager", "cashier", "technician", "system", "integration"] as const) {
      expect(coreRouteDecision("GET", "/admin/users", role).allowed).toBe(false);
      expect(coreRouteDecision("POST", "/admin/users/:id", role).allowed).toBe(false);
      expect(coreRouteDecision("GET", null, role).allowed).toBe(false);
    }
  });
  it("opens a listed read only to its roles and fields", () => {
    const fields = { fields: "id,title,variants.sku" };
    expect(coreRouteDecision("GET", "/admin/products", "technician", fields).allowed).toBe(true);
    expect(coreRouteDecision("HEAD", "/admin/products", "technician", fields).allowed).toBe(true);
    expect(coreRouteDecision("GET", "/admin/products", "cashier", fields).allowed).toBe(false);
    expect(coreRouteDecision("POST", "/admin/products", "owner", fields).allowed).toBe(false);
    expect(coreRouteDecision("GET", "/admin/products", "owner", {}).allowed).toBe(false);
    expect(coreRouteDecision("GET", "/admin/products", "owner", { fields: "id,*sales_channels" }).allowed).toBe(false);
  });
  it("says who uses every row", () => {
    for (const grant of CORE_ROUTE_ALLOWLIST) expect(grant.usedBy.length).toBeGreaterThan(10);
  });
});

describe("generic audit row", () => {
  it("derives the entity from the route and the id from its first parameter", () => {
    expect(auditTargetOf("/admin/pos/sales/:id/returns", { id: "sale_1" })).toEqual({ entity: "pos.sales", entity_id: "sale_1" });
    expect(auditTargetOf("/admin/repair-jobs/:id/lines/:lineId", { id: "rj_1", lineId: "l_1" })).toEqual({ entity: "repair_jobs", entity_id: "rj_1" });
    expect(auditTargetOf("/admin/pos/checkout", {})).toEqual({ entity: "pos.checkout", entity_id: null });
  });
  it("redacts secrets and shortens long texts", () => {
    expect(auditBody({ password: "p", note: "x".repeat(600) })).toEqual({ password: "[redacted]", note: `${"x".repeat(500)}… (600 characters)` });
  });

  function writeRequest(record: (e: unknown) => Promise<void>, opts: { method?: string; recorded?: boolean } = {}) {
    const res = Object.assign(new EventEmitter(), { statusCode: 200 });
    const request = {
      method: opts.method ?? "POST",
      originalUrl: "/admin/crm/customers/cus_1?x=1",
      route: { path: "/admin/crm/customers/:id" },
      params: { id: "cus_1" },
      body: { name: "Aisyah", pin: "1234" },
      headers: {},
      ip: "127.0.0.1",
      actor: { id: "user_1", role: "manager", name: "Mei", source: "token" },
      auditRecorded: opts.recorded,
      scope: { resolve: (key: string) => (key === "audit" ? { record } : { error: vi.fn() }) },
    };
    return { request, res };
  }

  it("appends one row after a 2xx write, with the redacted body", async () => {
    const record = vi.fn(async () => undefined);
    const { request, res } = writeRequest(record);
    const next = vi.fn();
    auditAdminWrites(request as never, res as never, next);
    expect(next).toHaveBeenCalledOnce();
    expect(record).not.toHaveBeenCalled(); // nothing before the answer is out
    res.emit("finish");
    await vi.waitFor(() => expect(record).toHaveBeenCalledOnce());
    expect(record.mock.calls[0]).toEqual([
      expect.objectContaining({
        action: "http.post", entity: "crm.customers", entity_id: "cus_1", actor_id: "user_1", actor_role: "manager",
        metadata: expect.objectContaining({ method: "POST", path: "/admin/crm/customers/cus_1", route: "/admin/crm/customers/:id", body: { name: "Aisyah", pin: "[redacted]" } }),
      }),
    ]);
  });

  it("adds nothing for reads, failures, or when the handler recorded its own row", async () => {
    const record = vi.fn(async () => undefined);
    const read = writeRequest(record, { method: "GET" });
    auditAdminWrites(read.request as never, read.res as never, vi.fn());
    read.res.emit("finish");
    const failed = writeRequest(record);
    auditAdminWrites(failed.request as never, failed.res as never, vi.fn());
    failed.res.statusCode = 400;
    failed.res.emit("finish");
    const explicit = writeRequest(record, { recorded: true });
    auditAdminWrites(explicit.request as never, explicit.res as never, vi.fn());
    explicit.res.emit("finish");
    await new Promise((r) => setTimeout(r, 20));
    expect(record).not.toHaveBeenCalled();
  });

  it("logs the whole row when it cannot be written", async () => {
    const error = vi.fn();
    const record = vi.fn(async () => { throw new Error("database down"); });
    const { request, res } = writeRequest(record);
    request.scope.resolve = (key: string) => (key === "audit" ? { record } : { error }) as never;
    auditAdminWrites(request as never, res as never, vi.fn());
    res.emit("finish");
    await vi.waitFor(() => expect(error).toHaveBeenCalledOnce(), { timeout: 2000 });
    expect(record).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[0]![0]).toContain("database down");
    expect(error.mock.calls[0]![0]).toContain('"entity_id":"cus_1"');
  });
});
