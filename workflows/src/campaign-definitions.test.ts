import { describe, expect, it } from "vitest";
import { nextPollDelayMs, RUN_POLL_MAX_MS, RUN_POLL_MIN_MS } from "./campaign-definitions.js";

const MINUTE = 60_000;

describe("nextPollDelayMs: when a campaign run checks progress again", () => {
  it("polls every minute near the end", () => {
    expect(nextPollDelayMs(12, 2, MINUTE, MINUTE)).toBe(RUN_POLL_MIN_MS);
  });

  it("waits half the time the rest needs at the rate seen", () => {
    // 10 sent in 10 minutes, 40 left → 40 minutes to go → poll in 20.
    expect(nextPollDelayMs(50, 40, 10 * MINUTE, 10 * MINUTE)).toBe(20 * MINUTE);
  });

  it("never waits more than 30 minutes, however much is left", () => {
    expect(nextPollDelayMs(5_000, 4_998, MINUTE, MINUTE)).toBe(RUN_POLL_MAX_MS);
  });

  it("doubles the wait while nothing moves (nights, a pause), up to the ceiling", () => {
    expect(nextPollDelayMs(100, 100, MINUTE, MINUTE)).toBe(2 * MINUTE);
    expect(nextPollDelayMs(100, 100, 16 * MINUTE, 16 * MINUTE)).toBe(RUN_POLL_MAX_MS);
    expect(nextPollDelayMs(100, 120, MINUTE, MINUTE)).toBe(2 * MINUTE);
  });
});
