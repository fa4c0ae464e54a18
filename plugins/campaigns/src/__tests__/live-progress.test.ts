import { describe, expect, it } from "vitest";
import { progressDue } from "../modules/campaigns/planner/live";

describe("progressDue", () => {
  it("lets one progress change per campaign through each second", () => {
    const last = new Map<string, number>();
    expect(progressDue(last, "camp_a", 10_000)).toBe(true);
    expect(progressDue(last, "camp_a", 10_500)).toBe(false);
    expect(progressDue(last, "camp_b", 10_500)).toBe(true);
    expect(progressDue(last, "camp_a", 11_000)).toBe(true);
    expect(progressDue(last, "camp_a", 11_999)).toBe(false);
  });
  it("forgets the oldest campaign past 1,000 remembered", () => {
    const last = new Map<string, number>();
    for (let i = 0; i <= 1_000; i++) progressDue(last, `camp_${i}`, 0);
    expect(last.size).toBe(1_000);
    expect(last.has("camp_0")).toBe(false);
  });
});
