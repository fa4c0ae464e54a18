import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { describeIssues, parseOrThrow } from "../parse.js";
import { ROLES_MARK, requireVolturaActor, staffRoute } from "../staff-route.js";

function request(appMetadata: Record<string, unknown> | null, actorType = "user") {
  return {
    auth_context: appMetadata === null ? undefined : { actor_id: "user_1", actor_type: actorType, auth_identity_id: "", app_metadata: appMetadata },
    scope: { resolve: () => ({ retrieveUser: async () => ({ id: "user_1", email: "a@b.c", metadata: {} }) }) },
  } as never;
}
const response = () => {
  const res = { statusCode: 200, body: undefined as unknown, status: vi.fn((c: number) => { res.statusCode = c; return res; }), json: vi.fn((b: unknown) => { res.body = b; return res; }) };
  return res;
};

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
    const route = staffRoute(["owner", "manager"], vi.fn());
    await expect(route(request({ voltura_role: "cashier" }), response() as never)).rejects.toThrow("Your role (cashier) may not do this");
  });

  it("refuses a user without a role (read from the user record) and an unknown role", async () => {
    const route = staffRoute(["owner"], vi.fn());
    await expect(route(request({}), response() as never)).rejects.toThrow("Sign in as a staff member");
    await expect(route(request({ voltura_role: "root" }), response() as never)).rejects.toThrow("Sign in as a staff member");
  });

  it("treats a secret API key as an integration", async () => {
    const handler = vi.fn();
    await staffRoute(["integration"], handler)(request({}, "api-key"), response() as never);
    expect(handler.mock.calls[0]![0].actor.role).toBe("integration");
  });
});

describe("requireVolturaActor", () => {
  it("answers 403 for an authenticated caller without a Voltura role", async () => {
    const res = response();
    const next = vi.fn();
    await requireVolturaActor(request({}) as never, res as never, next);
    expect(res.statusCode).toBe(403);
    expect(next).not.toHaveBeenCalled();
  });
  it("lets staff through", async () => {
    const next = vi.fn();
    await requireVolturaActor(request({ voltura_role: "technician" }) as never, response() as never, next);
    expect(next).toHaveBeenCalledOnce();
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
