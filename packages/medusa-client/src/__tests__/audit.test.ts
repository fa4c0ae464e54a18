import { describe, expect, it } from "vitest";
import { AuditApi } from "../audit.js";
import { CommerceClient } from "../client.js";

const SECRET = "test-secret-0123456789abcdef";

function recordingFetch(body: unknown, seen: Request[]): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}
const auditWith = (body: unknown, seen: Request[]) =>
  new AuditApi(new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "manager" }, fetch: recordingFetch(body, seen) }));

const row = {
  id: "aud_1", occurred_at: "2026-11-30T08:00:00.123456Z", actor_id: "u1", actor_role: "owner", actor_name: "Mei",
  action: "staff.role_changed", entity: "staff", entity_id: "u2", changes: { role: { before: "cashier", after: "manager" } },
  metadata: null, request_id: "r1", ip: "10.0.0.1",
};

describe("audit client", () => {
  it("lists with the filters and cursor in the query, leaving empty ones out", async () => {
    const seen: Request[] = [];
    const page = await auditWith({ audit_entries: [row], next_cursor: "2026-11-30T08:00:00.123456Z~aud_1", limit: 50 }, seen).list({
      actor_id: "u1", entity: "", action: "staff.*", from: "2026-11-01", cursor: "c",
    });
    expect(page.audit_entries[0]!.changes?.role?.after).toBe("manager");
    expect(seen[0]!.method).toBe("GET");
    expect(seen[0]!.url).toBe("http://commerce/admin/audit?actor_id=u1&action=staff.*&from=2026-11-01&cursor=c");
  });

  it("posts an export event without any actor fields", async () => {
    const seen: Request[] = [];
    await auditWith({ recorded: true, request_id: "r" }, seen).recordEvent({ action: "export.customers", entity: "customer", metadata: { rows: 2 } });
    expect(seen[0]!.method).toBe("POST");
    expect(await seen[0]!.json()).toEqual({ action: "export.customers", entity: "customer", metadata: { rows: 2 } });
  });
});
