/**
 * The public tracking page (`/track/<token>`) is reached with an unguessable token printed on the
 * job slip: 32 random bytes (256 bits), base64url without padding (43 characters).
 */
export const TRACKING_TOKEN_BYTES = 32;
/** At least 128 bits of randomness. */
export const MIN_TRACKING_TOKEN_BYTES = 16;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** base64url without padding, written out by hand so browsers, Node and Temporal workflows all share it. */
export function base64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 0x03) << 4) | ((b1 ?? 0) >> 4)]!;
    if (b1 !== undefined) out += ALPHABET[((b1 & 0x0f) << 2) | ((b2 ?? 0) >> 6)]!;
    if (b2 !== undefined) out += ALPHABET[b2 & 0x3f]!;
  }
  return out;
}

/** A tracking token from random bytes (the caller supplies them from a CSPRNG). */
export function trackingTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length < MIN_TRACKING_TOKEN_BYTES) {
    throw new RangeError(`a tracking token needs at least ${MIN_TRACKING_TOKEN_BYTES} random bytes, got ${bytes.length}`);
  }
  return base64Url(bytes);
}

/** Length in characters of an unpadded base64url string of `bytes` bytes. */
const encodedLength = (bytes: number) => Math.ceil((bytes * 4) / 3);

const TOKEN_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${encodedLength(MIN_TRACKING_TOKEN_BYTES)},128}$`);

/** Could this be a tracking token? Checked before any lookup, so junk never reaches the database. */
export function isTrackingToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The only name the public tracking page shows: the first word of the customer's first name
 * (falling back to the name on the job slip). Never a surname.
 */
export function publicFirstName(customerFirstName: string | null | undefined, slipName: string): string {
  const first = (s: string | null | undefined) => (s ?? "").trim().split(/\s+/)[0] ?? "";
  return first(customerFirstName) || first(slipName);
}
