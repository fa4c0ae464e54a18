/** Emoji that carry a meaning in a shop chat, as words. */
const EMOJI_WORDS: [RegExp, string][] = [
  [/[\u{1F44D}\u{1F44C}\u{2705}\u{2714}]\u{FE0F}?/gu, " ok "],
  [/[\u{1F44E}\u{274C}\u{2716}]\u{FE0F}?/gu, " no "],
  [/\u{1F64F}/gu, " thanks "],
];

export interface NormalisedText {
  /** Lower-case words and numbers, in order. */
  tokens: string[];
  /** The tokens joined with single spaces and padded with one space each side, for phrase search. */
  padded: string;
  /** The text asked something ("?"). */
  hasQuestionMark: boolean;
}

/**
 * Lower-cases, strips accents, turns meaningful emoji into words, squeezes stretched letters
 * ("setujuuu" → "setuju", "okkk" → "ok") and splits into word tokens.
 */
export function normalise(text: string): NormalisedText {
  let cleaned = text.normalize("NFKD").replace(/\p{M}/gu, "");
  for (const [pattern, word] of EMOJI_WORDS) cleaned = cleaned.replace(pattern, word);
  cleaned = cleaned
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/([a-z])\1{2,}/g, "$1");
  const tokens = cleaned.split(/[^a-z0-9]+/).filter(Boolean);
  return { tokens, padded: ` ${tokens.join(" ")} `, hasQuestionMark: /[?？]/.test(text) };
}

/** Whether the words of `phrase` appear consecutively. */
export function hasPhrase(text: NormalisedText, phrase: string): boolean {
  return text.padded.includes(` ${phrase} `);
}

export function hasAnyPhrase(text: NormalisedText, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => hasPhrase(text, phrase));
}

/** Spelling variants and chat abbreviations → one canonical word (for matching, not for language). */
const CANONICAL: Record<string, string> = {
  tk: "tak", tidak: "tak", tdk: "tak", tak: "tak", x: "tak", ta: "tak",
  xde: "takde", xda: "takde", takda: "takde", tiada: "takde", tade: "takde", xder: "takde", takder: "takde",
  nk: "nak", nok: "nak", mahu: "nak", mau: "nak", nakk: "nak",
  sy: "saya", saye: "saya", sye: "saya", aku: "saya", sya: "saya",
  brp: "berapa", bape: "berapa", brapa: "berapa", berape: "berapa", brape: "berapa",
  bile: "bila", bla: "bila",
  dh: "dah", sudah: "dah", udah: "dah", suda: "dah",
  blh: "boleh", bleh: "boleh", bole: "boleh", buleh: "boleh", leh: "boleh",
  utk: "untuk", dgn: "dengan", sgt: "sangat", yg: "yang", dkt: "dekat", kat: "dekat",
  trima: "terima", terime: "terima", kaseh: "kasih", ksh: "kasih", kasi: "kasih",
  tq: "thanks", ty: "thanks", thx: "thanks", tqvm: "thanks", tenkiu: "thanks", tenkyu: "thanks", thank: "thanks", thnx: "thanks", tks: "thanks",
  pls: "please", plz: "please", plis: "please", tolong: "please",
  ok: "ok", okay: "ok", okey: "ok", oke: "ok", okie: "ok", okok: "ok", k: "ok", kk: "ok", orait: "ok", alright: "ok",
  u: "you", ur: "your", r: "are",
  fon: "phone", telefon: "phone", handphone: "phone", henset: "phone", hp: "phone", tepon: "phone",
  skrin: "screen", lcd: "screen", display: "screen",
  bateri: "battery", batt: "battery", betri: "battery",
  kamera: "camera",
  stju: "setuju", stuju: "setuju", strju: "setuju", setujuu: "setuju",
  cancelled: "cancel", batalkan: "batal",
  mcm: "macam", camne: "macammana", camana: "macammana", mcmna: "macammana",
  takpe: "takpa", xpe: "takpa", takpelah: "takpa", xpela: "takpa", takpela: "takpa", takapa: "takpa",
  taknak: "tak nak", xnak: "tak nak", xnk: "tak nak", tknk: "tak nak", taknk: "tak nak",
  xjadi: "tak jadi", xsetuju: "tak setuju", xboleh: "tak boleh", xbole: "tak boleh",
  pkl: "pukul", pkul: "pukul",
  hr: "hari", hri: "hari", ari: "hari",
};

/** Multi-word spellings → one canonical word, applied after the word mapping. */
const PHRASES: [string, string][] = [
  ["tak apa", "takpa"],
  ["tak pe", "takpa"],
  ["macam mana", "macammana"],
];

/** Brands after which "x" is a model (iPhone X), not "tak". */
const X_MODEL_BEFORE = new Set(["iphone", "redmi", "poco", "pixel", "xperia", "galaxy"]);

/** normalise() plus canonical spellings: "x setuju" → "tak setuju", "brp" → "berapa", "sy" → "saya". */
export function canonicalise(text: string): NormalisedText {
  const base = normalise(text);
  const tokens: string[] = [];
  base.tokens.forEach((token, index) => {
    if (token === "x" && X_MODEL_BEFORE.has(base.tokens[index - 1] ?? "")) {
      tokens.push(token);
      return;
    }
    tokens.push(...(CANONICAL[token] ?? token).split(" "));
  });
  let padded = ` ${tokens.join(" ")} `;
  for (const [phrase, word] of PHRASES) padded = padded.replaceAll(` ${phrase} `, ` ${word} `);
  return { tokens: padded.trim().split(" ").filter(Boolean), padded, hasQuestionMark: base.hasQuestionMark };
}
