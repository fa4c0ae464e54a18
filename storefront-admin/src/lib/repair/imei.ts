import { luhnValid } from "@voltura/domain";
import { m } from "$lib/paraglide/messages.js";

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
    return { kind: "serial", message: m.intake_imei_digit_count({ count: cleaned.length }) };
  }
  return { kind: "serial", message: m.intake_imei_serial() };
}
