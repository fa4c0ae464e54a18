import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { InvalidRecipientError } from "./errors.js";

/** The server part of a WhatsApp user JID. */
export const USER_JID_SERVER = "s.whatsapp.net";

/**
 * Reads a phone number the way staff type one ("012-345 6789", "+60 12-345 6789", "60123456789")
 * and returns E.164, or null when it is not a valid number. Numbers without a country code are
 * read in `defaultCountry` (Malaysia).
 */
export function toE164(input: string, defaultCountry: CountryCode = "MY"): string | null {
  const cleaned = input.trim();
  if (!/^[+(\d][\d\s().-]{5,24}$/.test(cleaned)) return null;
  const digits = cleaned.replace(/[^\d+]/g, "");
  const candidate = /^60\d{8,10}$/.test(digits) ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** +60123456789 → 60123456789@s.whatsapp.net. Throws InvalidRecipientError for anything else. */
export function e164ToJid(e164: string): string {
  const parsed = /^\+[1-9]\d{6,14}$/.test(e164) ? parsePhoneNumberFromString(e164) : undefined;
  if (!parsed || !parsed.isValid() || parsed.number !== e164) throw new InvalidRecipientError(e164);
  return `${e164.slice(1)}@${USER_JID_SERVER}`;
}

/**
 * 60123456789@s.whatsapp.net (also with a device suffix, 60123456789:12@s.whatsapp.net, or the
 * legacy @c.us server) → +60123456789. Groups, broadcasts, newsletters, LIDs and invalid numbers
 * give null: they are not a customer's phone.
 */
export function jidToE164(jid: string | null | undefined): string | null {
  if (!jid) return null;
  const at = jid.indexOf("@");
  if (at < 1) return null;
  const server = jid.slice(at + 1);
  if (server !== USER_JID_SERVER && server !== "c.us") return null;
  const user = jid.slice(0, at).split(":")[0]!.split("_")[0]!;
  if (!/^[1-9]\d{6,14}$/.test(user)) return null;
  const parsed = parsePhoneNumberFromString(`+${user}`);
  return parsed && parsed.isValid() ? parsed.number : null;
}
