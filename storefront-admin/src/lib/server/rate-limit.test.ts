import { describe, expect, it } from "vitest";
import { createSigninAttemptStore, evaluateSigninLimit, SIGNIN_IP_LIMIT, tooManyAttemptsMessage } from "./rate-limit";
import type { Queryable } from "./db";

const now = new Date("2026-11-24T06:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const times = (n: number, minutes: number) => Array.from({ length: n }, () => minutesAgo(minutes));

describe("the console's sign-in limit (30 failures per IP address per 15 minutes)", () => {
  it("allows attempts while fewer than 30 failures are recent", () => {
    expect(evaluateSigninLimit([], now)).toEqual({ allowed: true, remaining: 30 });
    expect(evaluateSigninLimit(times(29, 1), now)).toEqual({ allowed: true, remaining: 1 });
  });

  it("refuses the 31st attempt until the 30th-newest failure ages out", () => {
    expect(evaluateSigninLimit([...times(29, 1), minutesAgo(10)], now)).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });

  it("forgets failures older than the window, and ignores times in the future", () => {
    expect(evaluateSigninLimit(times(40, 15), now).allowed).toBe(true);
    expect(evaluateSigninLimit(Array.from({ length: 40 }, () => new Date(now.getTime() + 60_000)), now).allowed).toBe(true);
  });

  it("tells staff how long to wait", () => {
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tooManyAttemptsMessage(9 * 60 + 1)).toBe("Too many attempts. Try again in 10 minutes.");
    expect(SIGNIN_IP_LIMIT).toEqual({ maxFailures: 30, windowMs: 15 * 60_000 });
  });
});

describe("the sign-in attempt store", () => {
  function fakeDb() {
    const calls: Array<{ sql: string; params: unknown[] }> = [];
    const db: Queryable = {
      query: async (sql: string, params: unknown[] = []) => {
        calls.push({ sql, params });
        return { rows: [], rowCount: 0 };
      },
    };
    return { db, calls };
  }

  it("counts failures by IP address alone, whatever email was typed", async () => {
    const { db, calls } = fakeDb();
    const store = createSigninAttemptStore(db, () => now);
    await store.recentFailures("10.0.0.9");
    expect(calls[0]!.sql).toMatch(/WHERE ip = \$1 AND attempted_at > \$2/);
    expect(calls[0]!.sql).not.toMatch(/email/);
    expect(calls[0]!.params).toEqual(["10.0.0.9", minutesAgo(15), 30]);
  });

  it("records the email in lower case with the address", async () => {
    const { db, calls } = fakeDb();
    await createSigninAttemptStore(db, () => now).recordFailure("  Siti@Kedai.MY ", "10.0.0.9");
    expect(calls[0]!.params).toEqual(["siti@kedai.my", "10.0.0.9", now]);
  });
});
