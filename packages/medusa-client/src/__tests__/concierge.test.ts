import { describe, expect, it } from "vitest";
import { CommerceClient, CommerceError } from "../client.js";
import { ConciergeApi } from "../concierge.js";

const SECRET = "test-secret-0123456789abcdef";

function api(status: number, body: unknown, seen: Request[] = []) {
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return new ConciergeApi(new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "system:worker", role: "system" }, fetch: fetchImpl }));
}

const handoff = {
  id: "hoff_1", phone: "+60123456789", customer_id: null, reason: "Out of scope", summary: null, job_number: null, status: "open",
  assigned_to: null, assigned_name: null, opened_at: "2026-12-01T02:00:00.000Z", last_staff_reply_at: null, escalated_at: null, closed_at: null,
};

describe("ConciergeApi", () => {
  it("posts an answer request and parses the reply", async () => {
    const seen: Request[] = [];
    const out = await api(200, { reply: "Hi!", handoff: null, language: "en", tool_calls: [], mode: "offline" }, seen).answer({ phone: "+60123456789", body: "hi", message_id: "m1" });
    expect(out.reply).toBe("Hi!");
    expect(seen[0]!.method).toBe("POST");
    expect(new URL(seen[0]!.url).pathname).toBe("/admin/concierge/answer");
    expect(await seen[0]!.json()).toEqual({ phone: "+60123456789", body: "hi", message_id: "m1" });
  });

  it("escapes the phone in the path and the query", async () => {
    const seen: Request[] = [];
    await api(200, { conversation: null, handoff }, seen).conversation("+60123456789");
    await api(200, { awaiting: null }, seen).awaitingQuote("+60123456789");
    expect(seen.map((r) => new URL(r.url).pathname + new URL(r.url).search)).toEqual([
      "/admin/concierge/conversations/%2B60123456789",
      "/admin/concierge/awaiting-quote?phone=%2B60123456789",
    ]);
  });

  it("surfaces a refusal as a CommerceError with the status", async () => {
    await expect(api(409, { type: "conflict", message: "This handoff is closed" }).claimHandoff("hoff_1")).rejects.toMatchObject({ status: 409, message: "This handoff is closed" });
    await expect(api(409, { message: "x" }).claimHandoff("hoff_1")).rejects.toBeInstanceOf(CommerceError);
  });
});
