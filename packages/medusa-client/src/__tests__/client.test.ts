import { describe, expect, it } from "vitest";
import { CommerceClient, CommerceError } from "../client.js";
import { mintMedusaToken, readMedusaToken } from "../token.js";

const SECRET = "test-secret-0123456789abcdef";
const job = {
  id: "rjob_1", job_number: "VSH-2026-000001", status: "pending", device_type: "phone", brand: "Apple", model: "iPhone 13",
  issue: "Cracked", priority: "normal", customer_id: "cus_1", customer_name: "Aisyah", customer_phone: "+60123456789",
  workflow_id: "job-VSH-2026-000001", created_by: "Siti", created_at: "2026-11-24T01:00:00.000Z", updated_at: "2026-11-24T01:00:00.000Z",
  imei_serial: null, colour: null, accessories: [], condition_notes: null, deposit_sen: 0, technician_id: null, technician_name: null,
  received_at: "2026-11-24T01:00:00.000Z", sla_due_at: "2026-11-27T01:00:00.000Z", eta: null, diagnosis: null, completed_at: null,
  delivered_at: null, tracking_token: "a".repeat(43),
  sla: { due_at: "2026-11-27T01:00:00.000Z", remaining_ms: 1000, breached: false, state: "running" },
};

function fakeFetch(status: number, body: unknown, seen: Request[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

describe("mintMedusaToken", () => {
  it("signs the actor and role, readable with the same secret", async () => {
    const token = await mintMedusaToken({ id: "user_1", role: "cashier", name: "Siti" }, SECRET, 60);
    const actor = await readMedusaToken(token, SECRET);
    expect(actor).toMatchObject({ id: "user_1", role: "cashier", name: "Siti" });
    expect(actor.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(60);
  });
  it("is refused with another secret", async () => {
    const token = await mintMedusaToken({ id: "user_1", role: "owner" }, SECRET);
    await expect(readMedusaToken(token, "another-secret-0123456789")).rejects.toThrow();
  });
  it("refuses a short secret", async () => {
    await expect(mintMedusaToken({ id: "u", role: "owner" }, "short")).rejects.toThrow("at least 16");
  });
});

describe("CommerceClient", () => {
  it("sends a bearer token and parses a job", async () => {
    const seen: Request[] = [];
    const client = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "manager" }, fetch: fakeFetch(200, { repair_job: job }, seen) });
    const got = await client.getRepairJob("rjob_1");
    expect(got.job_number).toBe("VSH-2026-000001");
    expect(seen[0]!.headers.get("authorization")).toMatch(/^Bearer ey/);
    expect(seen[0]!.url).toBe("http://commerce/admin/repair-jobs/rjob_1");
  });

  it("turns an error answer into a CommerceError with status and message", async () => {
    const client = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "manager" }, fetch: fakeFetch(409, { type: "invalid_transition", message: "Cannot move" }) });
    const err = await client.changeRepairJobStatus("rjob_1", { status: "delivered" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommerceError);
    expect(err).toMatchObject({ status: 409, message: "Cannot move", type: "invalid_transition" });
  });

  it("reports an unreachable commerce core as 503", async () => {
    const failing = (async () => { throw new TypeError("fetch failed"); }) as typeof fetch;
    const client = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "manager" }, fetch: failing });
    await expect(client.listRepairJobs()).rejects.toMatchObject({ status: 503 });
  });

  it("builds the list query without empty values", async () => {
    const seen: Request[] = [];
    const client = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "manager" }, fetch: fakeFetch(200, { repair_jobs: [job], count: 1, limit: 20, offset: 0 }, seen) });
    await client.listRepairJobs({ status: "pending", q: "", limit: 20 });
    expect(new URL(seen[0]!.url).search).toBe("?status=pending&limit=20");
  });
});
