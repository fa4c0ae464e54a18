import { m } from "$lib/paraglide/messages.js";
/** Luhn check over a string of digits (the last digit of an IMEI is its check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type ImeiHint =
  | { kind: "empty" }
  | { kind: "imei-valid"; message: string }
  | { kind: "imei-invalid"; message: string }
  | { kind: "serial"; message: string };

/**
 * The live hint under the IMEI / serial field: 15 digits are read as an IMEI and Luhn-checked
 * (spaces, dashes, dots and slashes ignored); anything else is taken as a serial number.
 */
export function imeiHint(value: string): ImeiHint {
  const cleaned = value.replace(/[\s\-./]/g, "");
  if (!cleaned) return { kind: "empty" };
  if (/^\d{15}$/.test(cleaned)) {
    return luhnValid(cleaned)
      ? { kind: "imei-valid", message: m.intake_imei_valid() }
      : { kind: "imei-invalid", message: m.intake_imei_invalid() };
  }
  if (/^\d{14,16}$/.test(cleaned)) {
    return { kind: "serial", message: `${cleaned.length} digits: an IMEI has 15. Saved as a serial number if you continue.` };
  }
  return { kind: "serial", message: m.intake_imei_serial() };
}
