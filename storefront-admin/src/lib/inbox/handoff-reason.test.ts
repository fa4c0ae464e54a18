import { HANDOFF_REASONS } from "@voltura/conversation";
import { describe, expect, it } from "vitest";
import { handoffReasonText } from "./handoff-reason";

describe("handoffReasonText", () => {
  it("translates every concierge reason code", () => {
    for (const code of HANDOFF_REASONS) {
      const shown = handoffReasonText(code);
      expect(shown.translated).toBe(true);
      expect(shown.text).not.toBe(code);
      expect(shown.text.length).toBeGreaterThan(5);
    }
  });

  it("shows any other reason as written", () => {
    expect(handoffReasonText("Quote unanswered")).toEqual({ text: "Quote unanswered", translated: false });
  });
});
