/**
 * Units the settings form shows versus what the settings document stores:
 * SST as a percentage ("6", "8.5") ↔ basis points (600, 850); fees in ringgit ("30.00") ↔ sen (3000).
 * Parsing works on the decimal text, never on floats, so "0.29" is exactly 29 and "6.005" is refused.
 */

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A non-negative decimal with at most `places` digits after the point, scaled to an integer, else null. */
function scaledDecimal(text: string, places: number): number | null {
  const trimmed = text.trim();
  const cleaned = THOUSANDS.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  const m = /^(\d{0,9})(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (!m[1] && !m[2])) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > places) return null;
  return Number(m[1] || "0") * 10 ** places + Number(fraction.padEnd(places, "0"));
}

/** "6" → 600, "8.5" → 850, "0.25" → 25, "6%" → 600; null when it is not a percentage with ≤ 2 decimals. */
export function percentToBasisPoints(text: string): number | null {
  return scaledDecimal(text.trim().replace(/\s*%$/, ""), 2);
}

/** 600 → "6", 850 → "8.5", 25 → "0.25". */
export function basisPointsToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(Math.abs(bp % 100)).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** "30" → 3000, "30.5" → 3050, "RM 1,200.00" → 120000; null when it is not an amount with ≤ 2 decimals. */
export function ringgitTextToSen(text: string): number | null {
  return scaledDecimal(text.trim().replace(/^RM\s*/i, ""), 2);
}

/** 3000 → "30.00" (for an input's value; display amounts with formatMYR). */
export function senToRinggitText(sen: number): string {
  const sign = sen < 0 ? "-" : "";
  const abs = Math.abs(sen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
