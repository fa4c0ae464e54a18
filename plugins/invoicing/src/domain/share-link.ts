import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * Links to a document PDF, for WhatsApp media: the gateway (and the customer's phone) fetch the PDF
 * without a staff token. The token carries the link's id, kind, document and expiry, signed with
 * HMAC-SHA256 under a key derived from JWT_SECRET for this purpose only (HKDF), so a token made
 * with the raw secret (or for another purpose) never verifies. The link row decides the rest:
 * revoked or past its expiry, it no longer opens.
 */
export type ShareKind = "quotation" | "invoice";

/** HKDF info: a key for document links and nothing else. Bump the version to void every link. */
export const SHARE_LINK_PURPOSE = "voltura/document-share-link/v1";
export const DEFAULT_SHARE_LINK_DAYS = 7;
const MAX_SHARE_LINK_DAYS = 90;

export interface ShareTokenData {
  linkId: string;
  kind: ShareKind;
  id: string;
  expiresAt: Date;
}

export type ShareTokenCheck =
  | ({ status: "valid" } & ShareTokenData)
  | ({ status: "expired" } & ShareTokenData)
  | { status: "invalid" };

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** The signing key for document links: HKDF-SHA256 of the secret with this purpose as info. */
export function shareLinkKey(secret: string): Buffer {
  if (!secret || secret.length < 16) throw new Error("JWT_SECRET is not set; document links cannot be signed");
  return Buffer.from(hkdfSync("sha256", secret, "voltura", SHARE_LINK_PURPOSE, 32));
}

function signature(payload: string, key: Buffer): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function signShareToken(data: ShareTokenData, key: Buffer): string {
  const payload = b64(JSON.stringify({ l: data.linkId, k: data.kind, i: data.id, e: Math.floor(data.expiresAt.getTime() / 1000) }));
  return `${payload}.${signature(payload, key)}`;
}

/** What a token says, once its signature is checked: valid, expired, or invalid (forged, altered, malformed). */
export function readShareToken(token: string, key: Buffer, now: Date = new Date()): ShareTokenCheck {
  const [payload, sig, extra] = token.split(".");
  if (extra !== undefined || !payload || !sig || !/^[\w-]+$/.test(payload) || !/^[\w-]+$/.test(sig)) return { status: "invalid" };
  const expected = Buffer.from(signature(payload, key));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: "invalid" };
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { l?: unknown; k?: unknown; i?: unknown; e?: unknown };
    if (typeof data.l !== "string" || (data.k !== "quotation" && data.k !== "invoice") || typeof data.i !== "string" || typeof data.e !== "number") {
      return { status: "invalid" };
    }
    const read: ShareTokenData = { linkId: data.l, kind: data.k, id: data.i, expiresAt: new Date(data.e * 1000) };
    return { status: read.expiresAt.getTime() < now.getTime() ? "expired" : "valid", ...read };
  } catch {
    return { status: "invalid" };
  }
}

/** The key for this process, from JWT_SECRET. */
export function shareKey(env: Record<string, string | undefined> = process.env): Buffer {
  return shareLinkKey(env.JWT_SECRET ?? "");
}

/** DOCUMENT_LINK_TTL_DAYS: how long a new link opens (whole days, 1–90; default 7). */
export function shareLinkDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DOCUMENT_LINK_TTL_DAYS?.trim();
  if (!raw) return DEFAULT_SHARE_LINK_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_SHARE_LINK_DAYS) {
    throw new Error(`DOCUMENT_LINK_TTL_DAYS must be a whole number of days from 1 to ${MAX_SHARE_LINK_DAYS}, got "${raw}"`);
  }
  return days;
}
