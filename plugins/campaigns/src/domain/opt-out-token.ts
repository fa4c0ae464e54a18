import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { CampaignLanguage } from "@voltura/contracts";

/**
 * The `{optout_link}` of a campaign message: `${CONSOLE_URL}/optout/<token>`, where the token carries the
 * recipient's E.164 phone and language, signed with HMAC-SHA256 under CAMPAIGN_OPTOUT_SECRET (or a key
 * derived from JWT_SECRET for this purpose only). It never expires: an old message's link still works.
 */
export const OPT_OUT_PURPOSE = "voltura/campaign-opt-out/v1";

export function optOutKey(env: Record<string, string | undefined> = process.env): Buffer {
  const own = env.CAMPAIGN_OPTOUT_SECRET;
  if (own && own.length >= 16) return Buffer.from(own);
  const secret = env.JWT_SECRET ?? "";
  if (secret.length < 16) throw new Error("CAMPAIGN_OPTOUT_SECRET or JWT_SECRET must be set to sign opt-out links");
  return Buffer.from(hkdfSync("sha256", secret, "voltura", OPT_OUT_PURPOSE, 32));
}

const sign = (payload: string, key: Buffer) => createHmac("sha256", key).update(payload).digest("base64url");

export function signOptOutToken(phone: string, language: CampaignLanguage, key: Buffer): string {
  const payload = Buffer.from(`${phone}:${language}`).toString("base64url");
  return `${payload}.${sign(payload, key)}`;
}

/** The phone and language of a genuine token; null for anything forged, altered or malformed. */
export function readOptOutToken(token: string, key: Buffer): { phone: string; language: CampaignLanguage } | null {
  const [payload, sig, extra] = token.split(".");
  if (extra !== undefined || !payload || !sig || !/^[\w-]+$/.test(payload) || !/^[\w-]+$/.test(sig)) return null;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const match = /^(\+[1-9]\d{7,14}):(ms|en)$/.exec(Buffer.from(payload, "base64url").toString("utf8"));
  return match ? { phone: match[1]!, language: match[2] as CampaignLanguage } : null;
}

export function optOutLink(phone: string, language: CampaignLanguage, env: Record<string, string | undefined> = process.env): string {
  const base = (env.CONSOLE_URL || "http://localhost:5173").replace(/\/+$/, "");
  return `${base}/optout/${signOptOutToken(phone, language, optOutKey(env))}`;
}

/** "+60 12-*** 6789"-style: the country code, the first two and last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 8) return "****";
  return `+${digits.slice(0, 2)} ${digits.slice(2, 4)}${"*".repeat(Math.max(digits.length - 8, 2))}${digits.slice(-4)}`;
}
