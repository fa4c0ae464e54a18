import { describe, expect, it } from "vitest";
import { HANDOFF_REASONS, isHandoffReason } from "./handoff-reasons.js";

describe("handoff reasons", () => {
  it("knows its codes and nothing else", () => {
    for (const code of HANDOFF_REASONS) expect(isHandoffReason(code)).toBe(true);
    expect(isHandoffReason("Quote unanswered")).toBe(false);
    expect(isHandoffReason("")).toBe(false);
  });

  it("keeps codes short snake_case words", () => {
    for (const code of HANDOFF_REASONS) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(new Set(HANDOFF_REASONS).size).toBe(HANDOFF_REASONS.length);
  });
});
