import { describe, expect, it } from "vitest";
import { parseLifecycleInput, parseStatusChange } from "./validation.js";

const initial = { from: null, to: "pending", changedBy: "user_cashier", changedAt: "2026-03-01T09:00:00.000Z" };

describe("parseLifecycleInput", () => {
  it("accepts the contract input and defaults a missing note to null", () => {
    const parsed = parseLifecycleInput({ jobId: "rj_1", jobNumber: "VS-2026-0001", initial });
    expect(parsed).toEqual({
      ok: true,
      value: { jobId: "rj_1", jobNumber: "VS-2026-0001", initial: { ...initial, note: null } },
    });
  });

  it("keeps the history carried over by continue-as-new", () => {
    const parsed = parseLifecycleInput({ jobId: "rj_1", jobNumber: "VS-1", initial, carriedHistory: [initial] });
    expect(parsed.ok && parsed.value.carriedHistory).toHaveLength(1);
  });

  it("explains what is wrong with a bad input", () => {
    const parsed = parseLifecycleInput({ jobId: "", jobNumber: "VS-1", initial: { ...initial, to: "exploded" } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/^Invalid repair lifecycle input/);
    expect(parsed.message).toContain("jobId");
    expect(parsed.message).toContain("initial.to");
  });

  it("rejects a missing input", () => {
    expect(parseLifecycleInput(undefined).ok).toBe(false);
  });
});

describe("parseStatusChange", () => {
  it("rejects a change without a valid timestamp", () => {
    const parsed = parseStatusChange({ ...initial, changedAt: "yesterday" });
    expect(parsed.ok).toBe(false);
  });
});
