import { describe, expect, it } from "vitest";
import { HANDOFF_TEXT } from "@voltura/conversation";
import { chooseReplyLanguage, finaliseAgentReply, mayReveal, mentionsUnrevealedJob } from "../domain/guards";
import { buildSystemPrompt } from "../domain/prompt";
import { handoffTransition } from "../workflows/steps/handoff-rules";
import { appendTurn, MAX_RECENT_TURNS } from "../workflows/steps/conversation";

const job = { job_number: "VSH-2026-000001", customer_phone: "+60123456789" };

describe("mayReveal (the no-leak rule)", () => {
  it.each([
    ["the sender's own job", { senderPhone: "+60123456789" }, true],
    ["the sender's own job, phone typed locally", { senderPhone: "012-345 6789" }, true],
    ["another phone, no job number", { senderPhone: "+60162201144" }, false],
    ["another phone with the job number only", { senderPhone: "+60162201144", jobNumber: "VSH-2026-000001" }, false],
    ["another phone with the number and the booking phone", { senderPhone: "+60162201144", jobNumber: "vsh-2026-000001", claimedPhone: "012-3456789" }, true],
    ["another phone with the number and a wrong phone", { senderPhone: "+60162201144", jobNumber: "VSH-2026-000001", claimedPhone: "+60162201144" }, false],
    ["another phone with the booking phone but another job number", { senderPhone: "+60162201144", jobNumber: "VSH-2026-000009", claimedPhone: "+60123456789" }, false],
    ["an unparseable claimed phone", { senderPhone: "+60162201144", jobNumber: "VSH-2026-000001", claimedPhone: "abc" }, false],
  ])("%s → %s", (_label, ask, expected) => {
    expect(mayReveal(job, ask)).toBe(expected);
  });
});

describe("mentionsUnrevealedJob", () => {
  it("flags a job number no tool revealed, allows revealed and typed ones", () => {
    expect(mentionsUnrevealedJob("Job VSH-2026-000002 is ready", ["VSH-2026-000001"], "status?")).toBe(true);
    expect(mentionsUnrevealedJob("Job VSH-2026-000001 is ready", ["VSH-2026-000001"], "status?")).toBe(false);
    expect(mentionsUnrevealedJob("I cannot find VSH-2026-000777", [], "what about VSH-2026-000777")).toBe(false);
  });
});

describe("finaliseAgentReply", () => {
  const base = { revealedJobNumbers: [], customerText: "hi" };
  it.each([
    ["the handoff tool was called", { text: "Sure!", handoffRequested: true }, HANDOFF_TEXT, true],
    ["the model said nothing", { text: "  ", handoffRequested: false }, HANDOFF_TEXT, true],
    ["the model paraphrased the handoff", { text: "Tunggu sebentar ya, teknisi kami akan bantu", handoffRequested: false }, HANDOFF_TEXT, true],
    ["the model named an unrevealed job", { text: "VSH-2026-000002 siap", handoffRequested: false }, HANDOFF_TEXT, true],
    ["a normal answer", { text: "Kami buka 10:00 – 20:00.", handoffRequested: false }, "Kami buka 10:00 – 20:00.", false],
  ])("%s", (_label, input, reply, handoff) => {
    const out = finaliseAgentReply({ ...base, ...input });
    expect(out.reply).toBe(reply);
    expect(out.handoff).toBe(handoff);
  });
});

describe("chooseReplyLanguage", () => {
  it.each([
    ["status phone saya dah siap ke?", undefined, "ms"],
    ["is my phone ready yet?", undefined, "en"],
    ["bro my phone dah siap ke, can collect today?", undefined, "mixed"],
    ["VSH-2026-000001", "en", "en"],
    ["👍", "ms", "ms"],
    ["ok", undefined, "mixed"],
  ] as const)("%s (before: %s) → %s", (text, previous, expected) => {
    expect(chooseReplyLanguage(text, previous)).toBe(expected);
  });
});

describe("buildSystemPrompt", () => {
  it("pins the rules: tools only, no other customer's jobs, the exact hand-off text, the customer's language", () => {
    const prompt = buildSystemPrompt({ shopName: "Voltura", language: "ms" });
    expect(prompt).toContain(`"${HANDOFF_TEXT}"`);
    expect(prompt).toMatch(/ONLY from what your tools return/);
    expect(prompt).toMatch(/Never mention any other job or customer/);
    expect(prompt).toContain("Reply in Bahasa Melayu.");
    expect(buildSystemPrompt({ shopName: "Voltura", language: "en" })).toContain("Reply in English.");
    expect(buildSystemPrompt({ shopName: "Voltura", language: "mixed" })).toMatch(/Manglish/);
  });
});

describe("handoffTransition", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  const tech = { id: "user_tech", name: "Ravi" };
  it("claims, notes replies, escalates once and closes once", () => {
    expect(handoffTransition({ status: "open", assigned_to: null, escalated_at: null }, "claim", now, tech).patch).toMatchObject({ status: "claimed", assigned_to: "user_tech" });
    expect(handoffTransition({ status: "open", assigned_to: null, escalated_at: null }, "staff_reply", now, tech).patch).toMatchObject({ status: "claimed", last_staff_reply_at: now });
    expect(handoffTransition({ status: "open", assigned_to: null, escalated_at: now }, "escalate", now, tech).changed).toBe(false);
    expect(handoffTransition({ status: "closed", assigned_to: null, escalated_at: null }, "escalate", now, tech).changed).toBe(false);
    expect(handoffTransition({ status: "closed", assigned_to: null, escalated_at: null }, "close", now, tech).changed).toBe(false);
    expect(() => handoffTransition({ status: "closed", assigned_to: null, escalated_at: null }, "claim", now, tech)).toThrow(/closed/);
  });
});

describe("appendTurn", () => {
  it("keeps the newest turns, folds older ones into the summary and replaces a replayed message id", () => {
    let turns: Parameters<typeof appendTurn>[0] = [];
    let summary = "";
    for (let i = 0; i < MAX_RECENT_TURNS + 2; i++) {
      ({ turns, summary } = appendTurn(turns, summary, { message_id: `m${i}`, customer: `q${i}`, reply: `a${i}`, language: "en", handoff: false, at: "2026-03-01T00:00:00Z" }));
    }
    expect(turns).toHaveLength(MAX_RECENT_TURNS);
    expect(turns.at(-1)!.message_id).toBe(`m${MAX_RECENT_TURNS + 1}`);
    expect(summary).toContain("Customer: q0");
    expect(summary).toContain("Customer: q1");
    const replay = appendTurn(turns, summary, { ...turns.at(-1)!, reply: "again" });
    expect(replay.turns).toHaveLength(MAX_RECENT_TURNS);
    expect(replay.turns.at(-1)!.reply).toBe("again");
  });
});
