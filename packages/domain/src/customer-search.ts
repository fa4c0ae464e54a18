import { tryNormalisePhone } from "./phone.js";

/**
 * What a staff member typed into the customer search box:
 * - a full phone number in any Malaysian format → its E.164 form (exact match);
 * - the start of one ("012-34", "+6012") → an E.164 prefix;
 * - some digits from the middle ("3456789") → digits the stored number contains;
 * - anything else → name words.
 */
export type CustomerSearch =
  | { kind: "phone"; e164: string }
  | { kind: "phone_prefix"; prefix: string }
  | { kind: "phone_contains"; digits: string }
  | { kind: "text"; terms: string[] };

const PHONE_LIKE = /^[+(\d][\d\s().-]*$/;
const MIN_PHONE_DIGITS = 3;

/**
 * The E.164 prefix of a partly typed phone number, read the way Malaysians write numbers:
 * "012-34" → "+601234", "6012" → "+6012", "+65 91" → "+6591". Null when it does not start like a
 * phone number (no leading 0, 60 or +) or has too few digits.
 */
export function phonePrefixFromPartial(input: string): string | null {
  const cleaned = input.trim();
  if (!PHONE_LIKE.test(cleaned)) return null;
  const digits = cleaned.replace(/\D/g, "");
  if (digits.length < MIN_PHONE_DIGITS) return null;
  if (cleaned.startsWith("+")) return `+${digits}`;
  if (digits.startsWith("60")) return `+${digits}`;
  if (digits.startsWith("0")) return `+60${digits.slice(1)}`;
  return null;
}

export function classifyCustomerSearch(q: string): CustomerSearch {
  const cleaned = q.trim().replace(/\s+/g, " ");
  const digits = cleaned.replace(/\D/g, "");
  if (PHONE_LIKE.test(cleaned) && digits.length >= MIN_PHONE_DIGITS) {
    const e164 = tryNormalisePhone(cleaned);
    if (e164) return { kind: "phone", e164 };
    const prefix = phonePrefixFromPartial(cleaned);
    if (prefix) return { kind: "phone_prefix", prefix };
    return { kind: "phone_contains", digits };
  }
  return { kind: "text", terms: cleaned ? cleaned.split(" ") : [] };
}

/** The phone a stored value stands for: E.164 when it parses, else its bare digits (legacy data). */
export function phoneKey(stored: string): string {
  return tryNormalisePhone(stored) ?? stored.replace(/\D/g, "");
}

/**
 * Customers that share a phone once normalised ("012-345 6789" and "+60123456789" are one
 * number), in groups of two or more, oldest customer first in each group.
 */
export function groupByNormalisedPhone<T extends { phone: string | null; created_at: string | Date }>(
  customers: readonly T[],
): Array<{ phone: string; customers: T[] }> {
  const groups = new Map<string, T[]>();
  for (const c of customers) {
    if (!c.phone) continue;
    const key = phoneKey(c.phone);
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const time = (v: string | Date) => new Date(v).getTime();
  return [...groups.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([phone, list]) => ({ phone, customers: [...list].sort((a, b) => time(a.created_at) - time(b.created_at)) }))
    .sort((a, b) => a.phone.localeCompare(b.phone));
}

/** Escapes LIKE wildcards in user input. */
export function escapeLike(value: string): string {
  return value.replace(/[%_\\]/g, (c) => `\\${c}`);
}
