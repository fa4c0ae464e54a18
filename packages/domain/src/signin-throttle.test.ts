import { describe, expect, it } from "vitest";
import { accountPenalty, accountVerdict, currentFailures, ipVerdict, lockEvent, retryAfterText, SIGNIN_THROTTLE } from "./signin-throttle.js";

const at = (iso: string) => new Date(iso);

describe("accountPenalty", () => {
  it.each([
    [0, { kind: "none" }],
    [4, { kind: "none" }],
    [5, { kind: "delay", seconds: 30 }],
    [6, { kind: "delay", seconds: 60 }],
    [7, { kind: "delay", seconds: 120 }],
    [9, { kind: "delay", seconds: 480 }],
    [10, { kind: "lock", seconds: 900 }],
    [25, { kind: "lock", seconds: 900 }],
  ])("%i failures → %o", (failures, penalty) => {
    expect(accountPenalty(failures)).toEqual(penalty);
  });

  it("never delays longer than a lock", () => {
    expect(accountPenalty(9, { ...SIGNIN_THROTTLE, BACKOFF_BASE_SECONDS: 600 })).toEqual({ kind: "delay", seconds: 900 });
  });
});

describe("accountVerdict", () => {
  const last = at("2026-12-01T10:00:00Z");
  it.each([
    ["no record", null, "2026-12-01T10:00:00Z", { allowed: true }],
    ["4 failures", { failures: 4, last_failed_at: last }, "2026-12-01T10:00:01Z", { allowed: true }],
    ["5 failures, 10 s later", { failures: 5, last_failed_at: last }, "2026-12-01T10:00:10Z", { allowed: false, reason: "account_delay", retry_after_seconds: 20 }],
    ["5 failures, 30 s later", { failures: 5, last_failed_at: last }, "2026-12-01T10:00:30Z", { allowed: true }],
    ["10 failures, 1 min later", { failures: 10, last_failed_at: last }, "2026-12-01T10:01:00Z", { allowed: false, reason: "account_locked", retry_after_seconds: 840 }],
    ["10 failures, 15 min later", { failures: 10, last_failed_at: last }, "2026-12-01T10:15:00Z", { allowed: true }],
    ["12 failures, 25 h later (forgotten)", { failures: 12, last_failed_at: last }, "2026-12-02T11:00:00Z", { allowed: true }],
  ])("%s", (_label, state, now, verdict) => {
    expect(accountVerdict(state, at(now))).toEqual(verdict);
  });
});

describe("currentFailures", () => {
  it("forgets a streak after a day without failures", () => {
    const state = { failures: 7, last_failed_at: at("2026-12-01T10:00:00Z") };
    expect(currentFailures(state, at("2026-12-02T09:59:59Z"))).toBe(7);
    expect(currentFailures(state, at("2026-12-02T10:00:01Z"))).toBe(0);
  });
});

describe("ipVerdict", () => {
  const start = at("2026-12-01T10:00:00Z");
  it.each([
    ["no record", null, "2026-12-01T10:00:00Z", { allowed: true }],
    ["29 failures", { failures: 29, window_started_at: start }, "2026-12-01T10:05:00Z", { allowed: true }],
    ["30 failures in the window", { failures: 30, window_started_at: start }, "2026-12-01T10:05:00Z", { allowed: false, reason: "ip_limit", retry_after_seconds: 600 }],
    ["30 failures, window over", { failures: 30, window_started_at: start }, "2026-12-01T10:15:00Z", { allowed: true }],
  ])("%s", (_label, state, now, verdict) => {
    expect(ipVerdict(state, at(now))).toEqual(verdict);
  });
});

describe("lockEvent", () => {
  it.each([
    [9, { locked: false, first: false }],
    [10, { locked: true, first: true }],
    [11, { locked: true, first: false }],
  ])("failure %i → %o", (n, event) => expect(lockEvent(n)).toEqual(event));
});

describe("retryAfterText", () => {
  it.each([
    [1, "Too many attempts. Try again in 1 minute."],
    [60, "Too many attempts. Try again in 1 minute."],
    [61, "Too many attempts. Try again in 2 minutes."],
    [900, "Too many attempts. Try again in 15 minutes."],
  ])("%i s", (s, text) => expect(retryAfterText(s)).toBe(text));
});
