import { formatMoney } from "$lib/i18n/format";

/**
 * Ringgit typed by staff → integer sen. Accepts "12", "12.5", "12.50", "RM 12.50", "rm12.50",
 * "1,234.50" and a comma as decimal mark ("12,50"). Returns null when it is not an amount
 * (negative, more than 2 decimals, letters, empty).
 */
export function parseMoneyInput(input: string | null | undefined): number | null {
  if (input == null) return null;
  let text = input.trim().replace(/^(rm|myr)\s*/i, "").replace(/\s+/g, "");
  if (!text) return null;
  // "12,50" is a decimal comma; "1,234" / "1,234.50" use commas as thousands separators.
  if (/^\d+,\d{1,2}$/.test(text)) text = text.replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(text)) text = text.replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const ringgit = Number(m[1]);
  const sen = Number((m[2] ?? "").padEnd(2, "0") || "0");
  const total = ringgit * 100 + sen;
  return Number.isSafeInteger(total) ? total : null;
}

/** Sen as the value of a money input: 1250 → "12.50" (no currency, so it parses back). */
export function senToInput(sen: number | null | undefined): string {
  if (sen == null || !Number.isFinite(sen)) return "";
  const whole = Math.trunc(sen / 100);
  const rest = Math.abs(sen % 100);
  return `${whole}.${String(rest).padStart(2, "0")}`;
}

/** Sen for display in the staff member's locale: 1250 → "RM 12.50", 123456 → "RM 1,234.56", -500 → "-RM 5.00". */
export function formatRM(sen: number): string {
  return formatMoney(sen);
}
