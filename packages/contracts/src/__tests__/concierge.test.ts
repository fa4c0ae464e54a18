import { describe, expect, it } from "vitest";
import { conciergeAnswerBodySchema, conciergeSettingsPatchSchema, knowledgeDocumentBodySchema } from "../concierge.js";

describe("concierge request schemas", () => {
  it("names the missing field of an answer request", () => {
    const r = conciergeAnswerBodySchema.safeParse({ phone: "+60123456789", body: "hi" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["message_id"]);
  });

  it("stores managers' phones as E.164 and refuses what is not a phone", () => {
    expect(conciergeSettingsPatchSchema.parse({ manager_phones: ["012-345 0099"] })).toEqual({ manager_phones: ["+60123450099"] });
    const bad = conciergeSettingsPatchSchema.safeParse({ manager_phones: ["call me"], escalate_after_minutes: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["manager_phones.0", "escalate_after_minutes"]));
  });

  it("accepts the four knowledge kinds only, language mixed by default", () => {
    expect(knowledgeDocumentBodySchema.parse({ kind: "hours", title: " Waktu ", body: "10-8" })).toEqual({ kind: "hours", title: "Waktu", body: "10-8", language: "mixed" });
    expect(knowledgeDocumentBodySchema.safeParse({ kind: "recipes", title: "x", body: "y" }).success).toBe(false);
  });
});
