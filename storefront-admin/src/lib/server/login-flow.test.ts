import { beforeEach, describe, expect, it, vi } from "vitest";

// The sign-in action with its collaborators replaced: commerce's answer, the stores, the session.
const state = vi.hoisted(() => ({
  verdict: null as unknown,
  failures: [] as Date[],
  recorded: [] as Array<[string, string]>,
  required: new Set<string>(),
  sessions: [] as string[],
  verifyCalls: [] as unknown[][],
}));

vi.mock("$lib/server/env", () => ({ getEnv: () => ({ clerkEnabled: false }) }));
vi.mock("$lib/server/setup-status", () => ({ setupStatus: async () => ({ needed: false, token_required: false }) }));
vi.mock("$lib/server/commerce", () => ({
  verifyStaffPassword: async (...args: unknown[]) => {
    state.verifyCalls.push(args);
    return state.verdict;
  },
  commerceProblem: () => ({ status: 503, message: "The commerce core is not reachable right now. Try again in a moment." }),
}));
vi.mock("$lib/server/auth", () => ({
  signinAttempts: () => ({
    recentFailures: async () => state.failures,
    recordFailure: async (email: string, ip: string) => void state.recorded.push([email, ip]),
  }),
  startSession: async (_event: unknown, staff: { id: string }) => void state.sessions.push(staff.id),
}));
vi.mock("$lib/server/password-change", () => ({
  PASSWORD_PAGE: "/account/password",
  passwordChanges: () => ({
    require: async (id: string) => void state.required.add(id),
    clear: async (id: string) => void state.required.delete(id),
  }),
}));

const { actions } = await import("../../routes/login/+page.server");

function event(fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return { request: new Request("http://console.test/login", { method: "POST", body }), getClientAddress: () => "203.0.113.9" } as never;
}

async function submit(fields: Record<string, string>) {
  try {
    return { result: await actions.default!(event(fields)) };
  } catch (thrown) {
    return { thrown: thrown as { status: number; location: string } };
  }
}

const staff = { id: "user_tech", email: "ravi@kedai.my", name: "Ravi", role: "technician" };

describe("console sign-in", () => {
  beforeEach(() => {
    state.failures = [];
    state.recorded = [];
    state.required = new Set();
    state.sessions = [];
    state.verifyCalls = [];
  });

  it("checks the password through commerce with the browser's address", async () => {
    state.verdict = { ok: true, staff, must_change_password: false };
    const { thrown } = await submit({ email: " Ravi@Kedai.MY ", password: "Nasi-Lemak-Pedas", redirectTo: "/" });
    expect(state.verifyCalls).toEqual([["ravi@kedai.my", "Nasi-Lemak-Pedas", "203.0.113.9"]]);
    expect(thrown).toMatchObject({ status: 303, location: "/jobs/mine" });
    expect(state.sessions).toEqual(["user_tech"]);
  });

  it("sends staff who must change their password to the password page before anything else", async () => {
    state.verdict = { ok: true, staff, must_change_password: true };
    const { thrown } = await submit({ email: staff.email, password: "h7Kp-3xQm-Rt9w-Bn4e", redirectTo: "/jobs" });
    expect(thrown).toMatchObject({ status: 303, location: "/account/password" });
    expect(state.required.has("user_tech")).toBe(true);
    expect(state.sessions).toEqual(["user_tech"]);
  });

  it("clears a stale requirement when commerce no longer asks for a change", async () => {
    state.required.add("user_tech");
    state.verdict = { ok: true, staff, must_change_password: false };
    await submit({ email: staff.email, password: "Nasi-Lemak-Pedas" });
    expect(state.required.has("user_tech")).toBe(false);
  });

  it("answers a wrong password (or a deactivated account) with one message and counts it for the address", async () => {
    state.verdict = { ok: false, reason: "wrong" };
    const { result } = await submit({ email: staff.email, password: "guess-guess" });
    expect(result).toMatchObject({ status: 401, data: { message: "Email or password is wrong.", email: staff.email } });
    expect(state.recorded).toEqual([[staff.email, "203.0.113.9"]]);
    expect(state.sessions).toEqual([]);
  });

  it("tells how long to wait when commerce limits the account, without counting another failure", async () => {
    state.verdict = { ok: false, reason: "limited", retry_after_seconds: 840 };
    const { result } = await submit({ email: staff.email, password: "Nasi-Lemak-Pedas" });
    expect(result).toMatchObject({ status: 429, data: { message: "Too many attempts. Try again in 14 minutes." } });
    expect(state.recorded).toEqual([]);
  });

  it("refuses before asking commerce once the address has 30 recent failures", async () => {
    state.failures = Array.from({ length: 30 }, () => new Date(Date.now() - 60_000));
    state.verdict = { ok: true, staff, must_change_password: false };
    const { result } = await submit({ email: staff.email, password: "Nasi-Lemak-Pedas" });
    expect(result).toMatchObject({ status: 429, data: { message: "Too many attempts. Try again in 14 minutes." } });
    expect(state.verifyCalls).toEqual([]);
  });
});
