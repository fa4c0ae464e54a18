import express from "express";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { invalidateStaffState, resolveActorVerdict, STAFF_STATE_TTL_MS } from "../actor.js";
import { describeIssues, parseOrThrow } from "../parse.js";
import { ROLES_MARK, requireVolturaActor, staffRoute } from "../staff-route.js";

type Users = Record<string, { metadata: Record<string, unknown> } | undefined>;
let users: Users;
const retrieveUser = vi.fn(async (id: string) => {
  const u = users[id];
  if (!u) throw Object.assign(new Error(`User with id: ${id} was not found`), { type: "not_found" });
  return { id, email: `${id}@test.local`, first_name: "Test", last_name: id, metadata: u.metadata };
});

/** A live Express router with one Voltura route and two Medusa ones, as Medusa registers them. */
const app = express();
app.get("/admin/things/:id", staffRoute(["owner"], async () => undefined) as never);
app.get("/admin/products", Object.defineProperty(async () => undefined, "name", { value: "GET" }));
app.post("/admin/users/:id", Object.defineProperty(async () => undefined, "name", { value: "POST" }));

function request(appMetadata: Record<string, unknown> | null, opts: { actorType?: string; actorId?: string; method?: string; url?: string; query?: unknown } = {}) {
  return {
    method: opts.method ?? "GET",
    originalUrl: opts.url ?? "/admin/things/1",
    query: opts.query ?? {},
    app,
    auth_context:
      appMetadata === null
        ? undefined
        : { actor_id: opts.actorId ?? "user_1", actor_type: opts.actorType ?? "user", auth_identity_id: "", app_metadata: appMetadata },
    scope: { resolve: () => ({ retrieveUser }) },
  } as never;
}
const response = () => {
  const res = { statusCode: 200, body: undefined as unknown, status: vi.fn((c: number) => { res.statusCode = c; return res; }), json: vi.fn((b: unknown) => { res.body = b; return res; }) };
  return res;
};

beforeEach(() => {
  users = { user_1: { metadata: { role: "manager", active: true } } };
  invalidateStaffState();
  retrieveUser.mockClear();
});

describe("staffRoute", () => {
  it("runs the handler for an allowed role and exposes the actor", async () => {
    const handler = vi.fn();
    const route = staffRoute(["manager"], handler);
    await route(request({ voltura_role: "manager", voltura_name: "Mei" }), response() as never);
    expect(handler).toHaveBeenCalledOnce();
    expect(handler.mock.calls[0]![0].actor).toMatchObject({ role: "manager", name: "Mei", source: "token" });
    expect(route[ROLES_MARK]).toEqual(["manager"]);
  });

  it("refuses a role that is not listed, naming it", async () => {
    users.user_1 = { metadata: { role: "cashier" } };
    const route = staffRoute(["owner", "manager"], vi.fn());
    await expect(route(request({ voltura_role: "cashier" }), response() as never)).rejects.toThrow("Your role (cashier) may not do this");
  });

  it("refuses a user without a role (read from the user record) and an unknown role", async () => {
    users.user_1 = { metadata: {} };
    const route = staffRoute(["owner"], vi.fn());
    await expect(route(request({}), response() as never)).rejects.toThrow("Sign in as a staff member");
    await expect(route(request({ voltura_role: "root" }), response() as never)).rejects.toThrow("Sign in as a staff member");
  });

  it("treats a secret API key as an integration", async () => {
    const handler = vi.fn();
    await staffRoute(["integration"], handler)(request({}, { actorType: "api-key" }), response() as never);
    expect(handler.mock.calls[0]![0].actor.role).toBe("integration");
  });
});

describe("resolveActorVerdict: the user record is checked on every request", () => {
  it("refuses a deactivated account, a vanished one and a role changed since signing (401)", async () => {
    users.user_1 = { metadata: { role: "manager", active: false } };
    expect(await resolveActorVerdict(request({ voltura_role: "manager" }))).toMatchObject({ ok: false, refusal: { status: 401, type: "staff_inactive" } });
    users = {};
    invalidateStaffState("user_1");
    expect(await resolveActorVerdict(request({ voltura_role: "manager" }))).toMatchObject({ ok: false, refusal: { status: 401, type: "staff_unknown" } });
    users.user_1 = { metadata: { role: "cashier" } };
    invalidateStaffState("user_1");
    expect(await resolveActorVerdict(request({ voltura_role: "owner" }))).toMatchObject({ ok: false, refusal: { status: 401, type: "staff_role_changed" } });
  });

  it("trusts system tokens only for system:* ids and never a signed integration role", async () => {
    expect(await resolveActorVerdict(request({ voltura_role: "system" }, { actorId: "system:worker" }))).toMatchObject({ ok: true, actor: { role: "system" } });
    expect(await resolveActorVerdict(request({ voltura_role: "system" }, { actorId: "user_1" }))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(await resolveActorVerdict(request({ voltura_role: "owner" }, { actorId: "system:worker" }))).toMatchObject({ ok: false, refusal: { status: 401 } });
    expect(await resolveActorVerdict(request({ voltura_role: "integration" }))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(retrieveUser).not.toHaveBeenCalled();
  });

  it("reads the record at most once per TTL, and again at once after invalidation", async () => {
    vi.useFakeTimers();
    try {
      await resolveActorVerdict(request({ voltura_role: "manager" }));
      await resolveActorVerdict(request({ voltura_role: "manager" }));
      expect(retrieveUser).toHaveBeenCalledTimes(1);
      users.user_1 = { metadata: { role: "manager", active: false } };
      invalidateStaffState("user_1");
      expect((await resolveActorVerdict(request({ voltura_role: "manager" }))).ok).toBe(false);
      expect(retrieveUser).toHaveBeenCalledTimes(2);
      users.user_1 = { metadata: { role: "manager", active: true } };
      vi.advanceTimersByTime(STAFF_STATE_TTL_MS + 1);
      expect((await resolveActorVerdict(request({ voltura_role: "manager" }))).ok).toBe(true);
      expect(retrieveUser).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("requireVolturaActor", () => {
  it("answers 403 for an authenticated caller without a Voltura role", async () => {
    users.user_1 = { metadata: {} };
    const res = response();
    const next = vi.fn();
    await requireVolturaActor(request({}) as never, res as never, next);
    expect(res.statusCode).toBe(403);
    expect(next).not.toHaveBeenCalled();
  });

  it("lets staff through to a Voltura route, which checks its own roles", async () => {
    users.user_1 = { metadata: { role: "technician" } };
    const next = vi.fn();
    await requireVolturaActor(request({ voltura_role: "technician" }) as never, response() as never, next);
    expect(next).toHaveBeenCalledOnce();
  });

  it("answers 401 for a deactivated account's still-valid token", async () => {
    users.user_1 = { metadata: { role: "manager", active: false } };
    const res = response();
    await requireVolturaActor(request({ voltura_role: "manager" }) as never, res as never, vi.fn());
    expect(res.statusCode).toBe(401);
    expect(res.body).toMatchObject({ type: "staff_inactive" });
  });

  it("refuses Medusa's own routes unless the allowlist opens them for the role and fields", async () => {
    users.user_1 = { metadata: { role: "owner" } };
    const users403 = response();
    await requireVolturaActor(request({ voltura_role: "owner" }, { method: "POST", url: "/admin/users/user_1" }) as never, users403 as never, vi.fn());
    expect(users403.statusCode).toBe(403);
    expect((users403.body as { message: string }).message).toContain("POST /admin/users/:id");

    const allowed = vi.fn();
    await requireVolturaActor(request({ voltura_role: "owner" }, { url: "/admin/products?fields=id,title", query: { fields: "id,title" } }) as never, response() as never, allowed);
    expect(allowed).toHaveBeenCalledOnce();

    const wideRead = response();
    await requireVolturaActor(request({ voltura_role: "owner" }, { url: "/admin/products", query: { fields: "id,*orders" } }) as never, wideRead as never, vi.fn());
    expect(wideRead.statusCode).toBe(403);
  });

  it("refuses an /admin path no endpoint serves, and core routes without a sign-in", async () => {
    const unknown = response();
    await requireVolturaActor(request({ voltura_role: "manager" }, { url: "/admin/nothing-here" }) as never, unknown as never, vi.fn());
    expect(unknown.statusCode).toBe(403);
    const anonymous = response();
    await requireVolturaActor(request(null, { method: "POST", url: "/admin/users/user_1" }) as never, anonymous as never, vi.fn());
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("parseOrThrow", () => {
  const schema = z.object({ customer: z.object({ phone: z.string() }), qty: z.number().min(1) });
  it("names every field at fault and says 'is required' for missing ones", () => {
    expect(() => parseOrThrow(schema, { customer: {}, qty: 0 })).toThrow(/customer\.phone is required; qty: /);
  });
  it("returns parsed data", () => {
    expect(parseOrThrow(schema, { customer: { phone: "1" }, qty: 2 })).toEqual({ customer: { phone: "1" }, qty: 2 });
  });
  it("describes root issues without a path", () => {
    const r = z.string().safeParse(1);
    expect(describeIssues(r.success ? (null as never) : r.error)).toMatch(/expected string/);
  });
});
