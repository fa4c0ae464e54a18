import { describe, expect, it } from "vitest";
import { blockedByOptOut, isOptInMessage, isOptOutMessage } from "../domain/opt-out";

describe("opt-out words", () => {
  it.each(["STOP", "stop", " Stop! ", "BERHENTI", "berhenti.", "unsubscribe", "UNSUBSCRIBE!!"])("%j opts out", (body) => {
    expect(isOptOutMessage(body)).toBe(true);
  });
  it.each(["stop sending the quote?", "please stop", "bila boleh ambil?", "", "stopwatch"])("%j does not", (body) => {
    expect(isOptOutMessage(body)).toBe(false);
  });
  it.each([["START", true], ["mula", true], ["start the repair", false]] as const)("%j opt-in → %s", (body, expected) => {
    expect(isOptInMessage(body)).toBe(expected);
  });
});

describe("blockedByOptOut", () => {
  const at = new Date("2026-12-01T00:00:00Z");
  it.each([
    ["reminder", at, true],
    ["reminder", null, false],
    ["campaign", at, true],
    ["campaign", null, false],
    ["quote", at, false],
    ["concierge", at, false],
    ["receipt", at, false],
    [null, at, false],
  ] as const)("kind %s, opted out %s → %s", (kind, optedOut, expected) => {
    expect(blockedByOptOut(kind, optedOut)).toBe(expected);
  });
});
