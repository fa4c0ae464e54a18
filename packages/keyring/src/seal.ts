import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring.js";

export const SEALED_PREFIX = "vk1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_PATTERN = /^vk1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedSecretError";
  }
}

/**
 * AES-256-GCM under the current "secrets" key, fresh 96-bit IV per call. `aad` (e.g. a secret's name or a
 * WhatsApp session id) is authenticated but not stored, so a value copied to another row will not open.
 * Output: "vk1.<key id>.<iv>.<tag>.<ciphertext>" (base64url parts).
 */
export function sealText(ring: KeyRing, plaintext: string, aad = ""): string {
  const { id, key } = ring.current("secrets");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [SEALED_PREFIX, id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Opens a value sealed by `sealText` with whichever "secrets" key its id names (old keys included). */
export function openText(ring: KeyRing, sealed: string, aad = ""): string {
  const match = SEALED_PATTERN.exec(sealed);
  if (!match) throw new SealedSecretError("not a sealed value (vk1)");
  const [, keyId = "", ivText = "", tagText = "", ctText = ""] = match;
  const key = ring.get("secrets", keyId);
  if (!key) throw new SealedSecretError(`sealed with key ${keyId}, which is not in the key ring (VOLTURA_KEYS_FILE)`);
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedSecretError("malformed sealed value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError(`sealed value did not open with key ${keyId}: tampered, or sealed for another record`);
  }
}

/** The key id of a "vk1" value, or null for anything else (plaintext, an older format). */
export function sealedKeyId(sealed: string): string | null {
  return SEALED_PATTERN.exec(sealed)?.[1] ?? null;
}
