import { describe, expect, it } from "vitest";
import {
  auditEventBodySchema,
  auditEventRefusal,
  auditListQuerySchema,
  decodeAuditCursor,
  diffFields,
  encodeAuditCursor,
  redactSecrets,
  shopDaysToUtc,
} from "./audit.js";

describe("diffFields and redactSecrets", () => {
  it("keeps only the fields that changed, before and after", () => {
    expect(diffFields({ role: "cashier", active: true, name: "Siti" }, { role: "owner", active: true, name: "Siti" }, ["role", "active"])).toEqual({
      role: { before: "cashier", after: "owner" },
    });
  });
  it("redacts secret-looking fields at any depth", () => {
    expect(redactSecrets({ email: "a@b.c", password: "x", nested: { api_key: "k", note: "n" } })).toEqual({
      email: "a@b.c",
      password: "[redacted]",
      nested: { api_key: "[redacted]", note: "n" },
    });
  });
});

describe("audit events posted by the console", () => {
  const body = (b: Record<string, unknown>) => auditEventBodySchema.parse(b);
  it("lets the system actor post auth.* with the person and address in the body", () => {
    expect(auditEventRefusal("system", body({ action: "auth.signin", entity: "staff", actor_id: "user_1", ip: "10.0.0.1" }))).toBeNull();
    expect(auditEventRefusal("system", body({ action: "export.customers", entity: "customer" }))).toEqual({
      field: "action",
      reason: "the system actor posts auth.* events only",
    });
  });
  it("lets staff post export.* only, never naming an actor or address", () => {
    expect(auditEventRefusal("manager", body({ action: "export.customers", entity: "customer", metadata: { rows: 3 } }))).toBeNull();
    expect(auditEventRefusal("cashier", body({ action: "auth.signin", entity: "staff" }))?.field).toBe("action");
    expect(auditEventRefusal("owner", body({ action: "export.customers", entity: "customer", actor_id: "user_9" }))?.field).toBe("actor_id");
    expect(auditEventRefusal("owner", body({ action: "export.customers", entity: "customer", ip: "1.2.3.4" }))?.field).toBe("ip");
    expect(auditEventRefusal("integration", body({ action: "export.customers", entity: "customer" }))).not.toBeNull();
  });
  it("refuses other action families and unknown fields", () => {
    expect(auditEventBodySchema.safeParse({ action: "staff.role_changed", entity: "staff" }).success).toBe(false);
    expect(auditEventBodySchema.safeParse({ action: "export.x", entity: "x", occurred_at: "2020-01-01" }).success).toBe(false);
  });
});

describe("audit list query", () => {
  it("takes shop days, an action family and a keyset cursor", () => {
    const cursor = encodeAuditCursor("2026-11-30T08:00:00.123456Z", "aud_01ABC");
    const q = auditListQuerySchema.parse({ from: "2026-11-01", to: "2026-11-30", action: "staff.*", cursor, limit: "20" });
    expect(q).toMatchObject({ from: "2026-11-01", to: "2026-11-30", action: "staff.*", limit: 20 });
    expect(decodeAuditCursor(q.cursor!)).toEqual({ occurred_at: "2026-11-30T08:00:00.123456Z", id: "aud_01ABC" });
  });
  it("names the field at fault", () => {
    const r = auditListQuerySchema.safeParse({ from: "2026-12-01", to: "2026-11-01", cursor: "nope", limit: 0 });
    expect(r.success).toBe(false);
    const fields = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["cursor", "limit"]));
    expect(auditListQuerySchema.safeParse({ from: "2026-12-01", to: "2026-11-01" }).error?.issues[0]?.path).toEqual(["to"]);
    expect(auditListQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });
  it("turns shop days into a half-open UTC range (Kuala Lumpur midnight is 16:00 UTC)", () => {
    expect(shopDaysToUtc("2026-11-30", "2026-11-30")).toEqual({
      since: new Date("2026-11-29T16:00:00.000Z"),
      until: new Date("2026-11-30T16:00:00.000Z"),
    });
    expect(shopDaysToUtc(undefined, undefined)).toEqual({ since: null, until: null });
  });
});
