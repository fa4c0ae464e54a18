import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export class InvalidPhoneError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a valid phone number (try 012-345 6789 or +60 12-345 6789)`);
    this.name = "InvalidPhoneError";
  }
}

/**
 * Normalises a phone number to E.164. Numbers without a country code are read as Malaysian
 * (012-345 6789, 03-2141 1234, 6012…), which is how customers and cashiers write them.
 */
export function normalisePhone(input: string): string {
  const cleaned = input.trim();
  if (!/^[+(\d][\d\s().-]{5,24}$/.test(cleaned)) throw new InvalidPhoneError(input);
  const digits = cleaned.replace(/[^\d+]/g, "");
  // "60123456789" typed without the plus is a Malaysian number in international form.
  const candidate = /^60\d{8,10}$/.test(digits) ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate, "MY");
  if (!parsed || !parsed.isValid()) throw new InvalidPhoneError(input);
  return parsed.number;
}

export function tryNormalisePhone(input: string): string | null {
  try {
    return normalisePhone(input);
  } catch {
    return null;
  }
}

/** Formats an E.164 number the way Malaysians read it: 012-345 6789. */
export function formatPhoneForDisplay(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "MY" ? parsed.formatNational() : parsed.formatInternational();
}
