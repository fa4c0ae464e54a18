import { describe, expect, it } from "vitest";
import { isSubscriptionKeyword } from "./subscription.js";

describe("isSubscriptionKeyword", () => {
  it.each([
    ["STOP", true],
    [" berhenti! ", true],
    ["Unsubscribe", true],
    ["START", true],
    ["mula", true],
    ["stop sending quote", false],
    ["please stop the repair", false],
    ["status phone saya?", false],
  ])("%s → %s", (text, expected) => {
    expect(isSubscriptionKeyword(text)).toBe(expected);
  });
});
