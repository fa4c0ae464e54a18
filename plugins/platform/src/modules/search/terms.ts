import { escapeLike, phonePrefixFromPartial, tryNormalisePhone } from "@voltura/domain";

/** Shorter than this, a trigram index cannot help: such words are matched as word prefixes. */
export const TRIGRAM_MIN = 3;
const PHONE_LIKE = /^[+(\d][\d\s().-]*$/;

/** What a search box entry means for the customer columns. */
export interface CustomerTerms {
  /** Set when the entry reads as (part of) a phone number. */
  phone: {
    /** Whole numbers' digits: the E.164 form of the entry, and the digits as typed. */
    exact: string[];
    /** The E.164 digits the number starts with ("012-34" → "601234"), when it starts like one. */
    prefix: string | null;
    /** The digits as typed, found anywhere in the number ("6789"). */
    contains: string | null;
  } | null;
  /** Name / company / email words of 3+ characters, LIKE wildcards escaped: each found anywhere. */
  longWords: string[];
  /** Shorter words ("Ng", "Li"): each the start of a word, as a full-text prefix query ("ng:* & li:*"). */
  shortWordsQuery: string | null;
  /** The whole entry (escaped), for "the name starts with" and similarity. */
  text: string | null;
  /** The entry lower-cased when it reads as an email address. */
  email: string | null;
}

export function customerTerms(q: string): CustomerTerms {
  const entry = q.trim().replace(/\s+/g, " ");
  const digits = entry.replace(/\D/g, "");
  if (PHONE_LIKE.test(entry) && digits.length >= TRIGRAM_MIN) {
    const e164 = tryNormalisePhone(entry);
    // A Malaysian number may also be stored in its national form (legacy rows): "0123456789".
    const national = e164?.startsWith("+60") ? `0${e164.slice(3)}` : null;
    const exact = [...new Set([e164?.replace(/\D/g, ""), national, digits].filter((d): d is string => !!d))];
    const prefix = phonePrefixFromPartial(entry) ?? e164;
    return {
      phone: { exact, prefix: prefix ? prefix.replace(/\D/g, "") : null, contains: digits },
      longWords: [], shortWordsQuery: null, text: null, email: null,
    };
  }
  // One or two digits: too short for a number, and no name holds them.
  if (PHONE_LIKE.test(entry)) return { phone: null, longWords: [], shortWordsQuery: null, text: null, email: null };
  const words = entry.split(" ").filter(Boolean);
  const shortWords = words
    .filter((w) => w.length < TRIGRAM_MIN)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  return {
    phone: null,
    longWords: words.filter((w) => w.length >= TRIGRAM_MIN).map(escapeLike),
    shortWordsQuery: shortWords.length ? shortWords.map((w) => `${w}:*`).join(" & ") : null,
    text: entry ? escapeLike(entry) : null,
    email: entry.includes("@") && !entry.includes(" ") ? entry.toLowerCase() : null,
  };
}

/** What a counter search entry means for the item columns. */
export interface ItemTerms {
  /** The entry as a code (barcode, EAN, UPC as typed; SKU compared upper case). */
  code: string;
  /** The code with LIKE wildcards escaped, for "starts with". */
  codePrefix: string;
  /** The entry (escaped) for names: prefix always, anywhere when 3+ characters. */
  text: string;
  /** True when the name / SKU may be searched anywhere (trigram). */
  anywhere: boolean;
}

export function itemTerms(q: string): ItemTerms | null {
  const entry = q.trim().replace(/\s+/g, " ");
  if (!entry) return null;
  return { code: entry, codePrefix: escapeLike(entry), text: escapeLike(entry), anywhere: entry.length >= TRIGRAM_MIN };
}
