import { describe, expect, it } from "vitest";
import { sessionNeedsAttention, sessionsSettling } from "./labels";

describe("session helpers", () => {
  it.each([
    ["stopped", true],
    ["needs_pairing", true],
    ["open", false],
    ["pairing", false],
  ] as const)("%s needs attention: %s", (state, expected) => {
    expect(sessionNeedsAttention({ state })).toBe(expected);
  });

  it("polls while an enabled session is pairing or connecting, not when all are settled", () => {
    expect(sessionsSettling([{ state: "pairing", enabled: true }])).toBe(true);
    expect(sessionsSettling([{ state: "closed", enabled: true }])).toBe(true);
    expect(sessionsSettling([{ state: "open", enabled: true }, { state: "stopped", enabled: false }])).toBe(false);
    expect(sessionsSettling([{ state: "pairing", enabled: false }])).toBe(false);
  });
});
