import { canonicalise, hasAnyPhrase, hasPhrase, type NormalisedText } from "./normalise.js";

export type QuoteReply = "approve" | "reject" | "unclear";

/** Negative-looking phrases that mean yes ("no problem", "tak kisah"): taken out before anything else. */
const POSITIVE_NEGATIONS = [
  "no problem", "no prob", "no hal", "no worries", "tak ada masalah", "takde masalah", "tak kisah",
  "why not", "of course",
];

/** Phrases that contain an approval word but decide nothing ("on the way"). */
const NOT_DECISIONS = ["on the way", "otw", "turn on", "switch on", "on off", "go to", "going to"];

/** Words after "tak" / "not" / "don't" that make a refusal. */
const REFUSED = ["setuju", "nak", "jadi", "payah", "perlu", "berminat", "ok", "on", "agree", "want", "proceed", "need", "interested", "approve", "boleh la"];

const REJECT_PHRASES = [
  ...REFUSED.map((word) => `tak ${word}`),
  ...REFUSED.map((word) => `not ${word}`),
  ...REFUSED.map((word) => `dont ${word}`),
  ...REFUSED.map((word) => `do not ${word}`),
  "cancel", "batal", "no", "nope", "nah", "reject", "decline", "declined",
  "never mind", "nevermind", "forget it", "lupakan", "tak usah", "tak mau", "i pass", "pass dulu", "ambil balik",
  "no thanks", "no thank you", "too expensive", "mahal sangat tak",
];

const APPROVE_WORDS = [
  "setuju", "ok", "boleh", "on", "yes", "ya", "ye", "yer", "yup", "yep", "yeah", "yea", "proceed", "go ahead",
  "teruskan", "approve", "approved", "agree", "sure", "confirm", "confirmed", "deal", "set", "baik", "baiklah",
  "buat je", "buat la", "fine", "jalan", "go", "lets go", "lanjut", "sah", "betul",
];

/** Words that make an approval conditional or postponed: the customer has not decided yet. */
const HEDGES = [
  "kalau", "klu", "kalo", "if", "tapi", "but", "fikir", "think", "nanti dulu", "dulu", "tanya", "ask", "bincang",
  "discuss", "mungkin", "maybe", "perhaps", "tak pasti", "not sure", "unsure", "later", "esok saya", "tengok dulu",
  "check dulu", "isteri", "suami", "wife", "husband", "kurang", "discount", "diskaun", "murah sikit", "cheaper",
];

/** Questions: a "?" or a question word means the customer is asking, not deciding. */
const QUESTION_WORDS = [
  "berapa", "bila", "lama", "kenapa", "knp", "nape", "kenape", "macammana", "apa", "ape", "how",
  "what", "when", "why", "which", "boleh tak", "ok tak", "setuju tak", "can i", "can you", "is it", "does it",
];

function isQuestion(text: NormalisedText): boolean {
  if (text.hasQuestionMark || hasAnyPhrase(text, QUESTION_WORDS)) return true;
  // A trailing "ke"/"kah" makes a BM yes/no question: "setuju ke", "ok kah".
  const last = text.tokens.at(-1);
  return last === "ke" || last === "kah";
}

function withoutPhrases(text: NormalisedText, phrases: readonly string[]): NormalisedText {
  let padded = text.padded;
  for (const phrase of phrases) padded = padded.replaceAll(` ${phrase} `, " ");
  const tokens = padded.trim().split(" ").filter(Boolean);
  return { tokens, padded: ` ${tokens.join(" ")} `, hasQuestionMark: text.hasQuestionMark };
}

/**
 * Reads a customer's answer to a repair quote. A refusal anywhere wins ("ok tak nak" is reject);
 * a question or a condition is unclear ("setuju ke kalau…?", "berapa lama?"); otherwise any
 * approval word approves. "Takpe" alone is "never mind" (reject) but "takpe, teruskan" approves.
 * Anything else is unclear: a human reads it.
 */
export function classifyQuoteReply(text: string): QuoteReply {
  const canonical = canonicalise(text);
  const positiveNegation = hasAnyPhrase(canonical, POSITIVE_NEGATIONS);
  const rest = withoutPhrases(canonical, [...POSITIVE_NEGATIONS, ...NOT_DECISIONS]);
  if (hasAnyPhrase(rest, REJECT_PHRASES)) return "reject";
  if (isQuestion(rest) || hasAnyPhrase(rest, HEDGES)) return "unclear";
  if (positiveNegation || hasAnyPhrase(rest, APPROVE_WORDS)) return "approve";
  if (hasPhrase(rest, "takpa")) return "reject";
  return "unclear";
}

/** Whether the text mentions the quote decision explicitly (not just "ok"), for use without context. */
export function mentionsQuoteDecision(text: string): boolean {
  const canonical = canonicalise(text);
  return (
    hasAnyPhrase(canonical, ["setuju", "proceed", "teruskan", "approve", "approved", "cancel", "batal", "quote", "sebut harga", "go ahead"]) ||
    hasPhrase(canonical, "tak jadi")
  );
}
