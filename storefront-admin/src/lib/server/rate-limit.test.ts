import { describe, expect, it } from "vitest";
import { attemptKey, evaluateSigninLimit, SIGNIN_LIMIT, tooManyAttemptsMessage } from "./rate-limit";

const now = new Date("2026-11-24T06:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("sign-in rate limit (5 failures per email + IP per 15 minutes)", () => {
  it("allows attempts while fewer than 5 failures are recent", () => {
    expect(evaluateSigninLimit([], now)).toEqual({ allowed: true, remaining: 5 });
    expect(evaluateSigninLimit([1, 2, 3, 4].map(minutesAgo), now)).toEqual({ allowed: true, remaining: 1 });
  });

  it("refuses the attempt after 5 recent failures, until the 5th-newest ages out", () => {
    const verdict = evaluateSigninLimit([1, 2, 3, 4, 10].map(minutesAgo), now);
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });

  it("uses the 5th most recent failure when there are more than 5", () => {
    const verdict = evaluateSigninLimit([1, 2, 3, 4, 6, 14].map(minutesAgo), now);
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 9 * 60 });
  });

  it("forgets failures older than the window", () => {
    expect(evaluateSigninLimit([15, 16, 20, 30, 60].map(minutesAgo), now).allowed).toBe(true);
    expect(evaluateSigninLimit([1, 2, 3, 4, 15].map(minutesAgo), now).allowed).toBe(true);
  });

  it("ignores times in the future (clock skew)", () => {
    const future = [1, 2, 3, 4, 5].map((m) => new Date(now.getTime() + m * 60_000));
    expect(evaluateSigninLimit(future, now).allowed).toBe(true);
  });

  it("keys on the email case-insensitively and on the IP", () => {
    expect(attemptKey("  Owner@Voltura.Demo ", "127.0.0.1")).toEqual({ email: "owner@voltura.demo", ip: "127.0.0.1" });
  });

  it("tells staff how long to wait", () => {
    expect(tooManyAttemptsMessage(60)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(tooManyAttemptsMessage(9 * 60 + 1)).toBe("Too many failed sign-in attempts. Try again in 10 minutes.");
    expect(SIGNIN_LIMIT).toEqual({ maxFailures: 5, windowMs: 15 * 60_000 });
  });
});
