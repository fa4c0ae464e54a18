import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Time-limited links to a document PDF, for WhatsApp media: the gateway (and the customer's phone)
 * fetch the PDF without a staff token. HMAC-SHA256 over kind, id and expiry with JWT_SECRET.
 */
export type ShareKind = "quotation" | "invoice";

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function signShareToken(kind: ShareKind, id: string, expiresAt: Date, secret: string): string {
  const payload = b64(JSON.stringify({ k: kind, i: id, e: Math.floor(expiresAt.getTime() / 1000) }));
  return `${payload}.${signature(payload, secret)}`;
}

/** The document a token opens, or null when it is forged, altered or expired. */
export function verifyShareToken(token: string, secret: string, now: Date = new Date()): { kind: ShareKind; id: string } | null {
  const [payload, sig] = token.split(".");
  if (!payload || !sig || !/^[\w-]+$/.test(payload) || !/^[\w-]+$/.test(sig)) return null;
  const expected = Buffer.from(signature(payload, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { k?: unknown; i?: unknown; e?: unknown };
    if ((data.k !== "quotation" && data.k !== "invoice") || typeof data.i !== "string" || typeof data.e !== "number") return null;
    if (data.e * 1000 < now.getTime()) return null;
    return { kind: data.k, id: data.i };
  } catch {
    return null;
  }
}

export function shareSecret(): string {
  const secret = process.env.JWT_SECRET;
  if (!secret || secret.length < 16) throw new Error("JWT_SECRET is not set; document links cannot be signed");
  return secret;
}
