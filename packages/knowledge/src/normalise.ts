/** Common Malay / Manglish chat abbreviations → full words (applied per token after lowercasing). */
export const CHAT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  brp: "berapa", brape: "berapa", berapo: "berapa",
  hp: "handphone", fon: "phone",
  x: "tak", tk: "tak", tak: "tak", tidak: "tak", xde: "takde", xda: "takde", tade: "takde",
  bkk: "buka", bukak: "buka", bka: "buka",
  tutop: "tutup", ttp: "tutup",
  pkl: "pukul", kol: "pukul",
  hrg: "harga", hrga: "harga",
  tkr: "tukar", tuka: "tukar",
  skrn: "screen", skrin: "screen", scren: "screen",
  ni: "ini", tu: "itu", yg: "yang", dgn: "dengan", utk: "untuk", nk: "nak", nak: "nak", mau: "nak",
  blh: "boleh", bole: "boleh", leh: "boleh", sy: "saya", sye: "saya", u: "you", pls: "please", plz: "please",
  hr: "hari", ahd: "ahad", sbb: "sebab", dh: "dah", sdh: "dah", sudah: "dah", lg: "lagi", je: "sahaja", jer: "sahaja",
};

/**
 * Lowercase, strip accents and punctuation, squeeze stretched letters ("brppp" → "brp"), expand chat
 * abbreviations. Same spirit as @voltura/conversation's `normalise`/`canonicalise` (not imported: this
 * table is tuned for retrieval, e.g. "skrin" → "screen"). Returns tokens.
 */
export function normaliseTokens(text: string): string[] {
  const cleaned = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/([a-z])\1{2,}/g, "$1")
    .replace(/(\d)[.,](\d)/g, "$1$2")
    .replace(/[^\p{L}\p{N}\s]+/gu, " ");
  return cleaned
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => CHAT_ABBREVIATIONS[t] ?? t);
}

export function normaliseText(text: string): string {
  return normaliseTokens(text).join(" ");
}
