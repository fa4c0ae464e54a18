import { describe, expect, it } from "vitest";
import { CommerceClient } from "../client.js";
import { checkStaffCredentials } from "../staff-accounts.js";

const SECRET = "test-secret-0123456789abcdef";

function answering(status: number, body: unknown, seen: Request[] = []): CommerceClient {
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "system:console", role: "system" }, fetch: fetchImpl });
}

const body = { email: "siti@kedai.my", password: "Nasi-Lemak-Pedas", ip: "203.0.113.9", purpose: "signin" as const };

describe("checkStaffCredentials", () => {
  it("posts the email, password, browser address and purpose, and returns the staff member", async () => {
    const seen: Request[] = [];
    const staff = { id: "user_1", email: "siti@kedai.my", name: "Siti", role: "cashier" };
    const verdict = await checkStaffCredentials(answering(200, { staff, must_change_password: true }, seen), body);
    expect(verdict).toEqual({ ok: true, staff, must_change_password: true });
    expect(seen[0]!.url).toBe("http://commerce/admin/staff/credentials/check");
    expect(await seen[0]!.json()).toEqual(body);
  });

  it("turns the one 401 into 'wrong' and a 429 into how long to wait", async () => {
    expect(await checkStaffCredentials(answering(401, { type: "unauthorized", message: "Email or password is wrong" }), body)).toEqual({ ok: false, reason: "wrong" });
    const limited = await checkStaffCredentials(
      answering(429, { type: "too_many_attempts", message: "Too many attempts. Try again in 15 minutes.", retry_after_seconds: 874 }),
      body,
    );
    expect(limited).toEqual({ ok: false, reason: "limited", retry_after_seconds: 874 });
  });

  it("lets other failures through as errors", async () => {
    await expect(checkStaffCredentials(answering(503, { message: "down" }), body)).rejects.toMatchObject({ status: 503 });
  });
});
