import { describe, expect, it } from "vitest";
import { classifyQuoteReply, mentionsQuoteDecision, type QuoteReply } from "./quote-reply.js";

const CASES: [string, QuoteReply][] = [
  // approve
  ["Setuju", "approve"],
  ["setuju bos", "approve"],
  ["SETUJUUU", "approve"],
  ["ok", "approve"],
  ["Ok bos, proceed", "approve"],
  ["okay proceed", "approve"],
  ["boleh", "approve"],
  ["blh je", "approve"],
  ["on", "approve"],
  ["On bos 👍", "approve"],
  ["yes", "approve"],
  ["Yes please go ahead", "approve"],
  ["ya", "approve"],
  ["Ye teruskan", "approve"],
  ["👍", "approve"],
  ["no problem, proceed", "approve"],
  ["Tak kisah, buat je", "approve"],
  ["Setuju. Terima kasih!", "approve"],
  ["approved", "approve"],
  ["sure, confirm", "approve"],
  ["takpe, teruskan je", "approve"],
  ["tak apa, proceed", "approve"],
  // reject
  ["Tak Setuju", "reject"],
  ["tak setuju bos", "reject"],
  ["x setuju", "reject"],
  ["tak nak", "reject"],
  ["taknak la", "reject"],
  ["no", "reject"],
  ["No thanks", "reject"],
  ["cancel", "reject"],
  ["Cancel je la bos", "reject"],
  ["tak jadi", "reject"],
  ["mahal sangat tak nak", "reject"],
  ["ok tak nak", "reject"],
  ["Batal", "reject"],
  ["takpe lah, saya ambil balik phone", "reject"],
  ["dont proceed", "reject"],
  ["Not interested, too expensive", "reject"],
  ["Tak nak la, kenapa mahal sangat?", "reject"],
  ["👎", "reject"],
  ["xpe la", "reject"],
  ["tak payah la bos", "reject"],
  // unclear: questions, conditions, other talk
  ["setuju ke kalau tukar yang original?", "unclear"],
  ["berapa lama?", "unclear"],
  ["Boleh tak kurang sikit?", "unclear"],
  ["ok, bila siap?", "unclear"],
  ["Setuju. Bila boleh ambil?", "unclear"],
  ["nanti saya fikir dulu", "unclear"],
  ["Ok, let me ask my wife first", "unclear"],
  ["boleh ke", "unclear"],
  ["mahal sangat", "unclear"],
  ["Harga tu termasuk screen protector?", "unclear"],
  ["Saya on the way", "unclear"],
  ["otw bos", "unclear"],
  ["", "unclear"],
  ["hmm", "unclear"],
];

describe("classifyQuoteReply", () => {
  it.each(CASES)("%j → %s", (text, expected) => {
    expect(classifyQuoteReply(text)).toBe(expected);
  });

  it("has a table of at least 40 replies covering all three answers", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map(([, answer]) => answer))).toEqual(new Set(["approve", "reject", "unclear"]));
  });

  it("lets a refusal win wherever it stands", () => {
    expect(classifyQuoteReply("ok boleh... eh tak jadi la")).toBe("reject");
    expect(classifyQuoteReply("yes, I mean no")).toBe("reject");
  });
});

describe("mentionsQuoteDecision", () => {
  it("spots explicit quote words, not a bare ok", () => {
    expect(mentionsQuoteDecision("Setuju bos")).toBe(true);
    expect(mentionsQuoteDecision("tak jadi")).toBe(true);
    expect(mentionsQuoteDecision("ok")).toBe(false);
  });
});
