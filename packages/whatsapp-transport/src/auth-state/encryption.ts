import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import {
  deserializeAuthState,
  serializeAuthState,
  type AuthStateStore,
  type StoredAuthState,
} from "./auth-state-store.js";

/** The env variable holding the 32-byte auth-state key, as 64 hex characters or base64. */
export const AUTH_STATE_KEY_ENV = "WHATSAPP_AUTH_STATE_KEY";

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AuthStateDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthStateDecryptionError";
  }
}

/** Reads the AES-256 key from the environment; throws naming the variable when it is unusable. */
export function authStateKeyFromEnv(env: Record<string, string | undefined> = process.env): Buffer {
  const raw = env[AUTH_STATE_KEY_ENV]?.trim();
  if (!raw) throw new Error(`${AUTH_STATE_KEY_ENV} is not set (32 random bytes as hex or base64: openssl rand -hex 32)`);
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error(`${AUTH_STATE_KEY_ENV} must decode to 32 bytes, got ${key.length}`);
  return key;
}

function checkKey(key: Uint8Array): void {
  if (key.byteLength !== 32) throw new RangeError(`AES-256-GCM needs a 32-byte key, got ${key.byteLength}`);
}

/**
 * AES-256-GCM with a fresh 96-bit IV per call. `associatedData` (e.g. the shop's session id) is
 * authenticated but not stored: a blob copied to another session will not decrypt.
 * Output: "v1.<iv>.<tag>.<ciphertext>", each base64url.
 */
export function encryptAuthState(state: StoredAuthState, key: Uint8Array, associatedData = ""): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(serializeAuthState(state), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptAuthState(blob: string, key: Uint8Array, associatedData = ""): StoredAuthState {
  checkKey(key);
  const parts = blob.split(".");
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new AuthStateDecryptionError("not an encrypted auth state (v1)");
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new AuthStateDecryptionError("malformed encrypted auth state");
  let json: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    json = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new AuthStateDecryptionError("auth state did not decrypt: wrong key, wrong session or tampered data");
  }
  return deserializeAuthState(json);
}

/** Somewhere to keep one opaque string: a PostgreSQL row later, a variable in tests. */
export interface SecretBlobStore {
  read(): Promise<string | null>;
  write(blob: string): Promise<void>;
  remove(): Promise<void>;
}

/** An AuthStateStore that only ever hands encrypted blobs to `blobs`. */
export function encryptedAuthStateStore(blobs: SecretBlobStore, key: Uint8Array, associatedData = ""): AuthStateStore {
  checkKey(key);
  return {
    async load() {
      const blob = await blobs.read();
      return blob === null ? null : decryptAuthState(blob, key, associatedData);
    },
    async save(state) {
      await blobs.write(encryptAuthState(state, key, associatedData));
    },
    async clear() {
      await blobs.remove();
    },
  };
}
