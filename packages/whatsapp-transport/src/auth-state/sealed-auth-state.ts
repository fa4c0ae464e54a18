import { openText, sealText, sealedKeyId, SealedSecretError, type KeyRing } from "@voltura/keyring";
import { deserializeAuthState, serializeAuthState, type AuthStateStore, type StoredAuthState } from "./auth-state-store.js";
import { AUTH_STATE_KEY_ENV, AuthStateDecryptionError, decryptAuthState, encryptAuthState, type SecretBlobStore } from "./encryption.js";

/**
 * The keys for stored Baileys credentials. New blobs are sealed with the key ring's "secrets" key
 * ("vk1.<key id>.…", rotated by `npm run keys:rotate`); blobs written before the key ring ("v1.…")
 * still open with the WHATSAPP_AUTH_STATE_KEY they were written with. Without a ring, writes stay v1.
 */
export interface AuthStateKeys {
  /** Called at every use so a rotation while the process runs is seen (see keyRingLoader). */
  ring: (() => KeyRing) | null;
  legacyKey: Uint8Array | null;
}

/** Seals one session's state; the session id is the associated data (a blob copied to another session will not open). */
export function sealAuthState(state: StoredAuthState, keys: AuthStateKeys, sessionId: string): string {
  if (keys.ring) return sealText(keys.ring(), serializeAuthState(state), sessionId);
  if (keys.legacyKey) return encryptAuthState(state, keys.legacyKey, sessionId);
  throw new AuthStateDecryptionError(`neither VOLTURA_KEYS_FILE nor ${AUTH_STATE_KEY_ENV} is set: the auth state cannot be stored`);
}

/** Opens a "vk1" blob with the key its id names, or a "v1" blob with the legacy key. */
export function openAuthState(blob: string, keys: AuthStateKeys, sessionId: string): StoredAuthState {
  const keyId = sealedKeyId(blob);
  if (keyId !== null) {
    if (!keys.ring) throw new AuthStateDecryptionError(`auth state sealed with key ${keyId} did not decrypt: VOLTURA_KEYS_FILE is not set`);
    let json: string;
    try {
      json = openText(keys.ring(), blob, sessionId);
    } catch (error) {
      if (error instanceof SealedSecretError) throw new AuthStateDecryptionError(`auth state did not decrypt: ${error.message}`);
      throw error;
    }
    return deserializeAuthState(json);
  }
  if (!keys.legacyKey) {
    throw new AuthStateDecryptionError(`auth state (v1) did not decrypt: it was written with ${AUTH_STATE_KEY_ENV}, which is not set`);
  }
  return decryptAuthState(blob, keys.legacyKey, sessionId);
}

/** Whether a blob still needs re-sealing under the ring's current key (a "v1" blob, or an older key id). */
export function authStateNeedsResealing(blob: string, currentKeyId: string): boolean {
  return sealedKeyId(blob) !== currentKeyId;
}

/** Opens a blob of either format and seals it again under the ring's current key (key rotation). */
export function resealAuthState(blob: string, keys: AuthStateKeys & { ring: () => KeyRing }, sessionId: string): string {
  return sealText(keys.ring(), serializeAuthState(openAuthState(blob, keys, sessionId)), sessionId);
}

/** An AuthStateStore that only ever hands sealed blobs to `blobs`, reading both formats. */
export function sealedAuthStateStore(blobs: SecretBlobStore, keys: AuthStateKeys, sessionId: string): AuthStateStore {
  return {
    async load() {
      const blob = await blobs.read();
      return blob === null ? null : openAuthState(blob, keys, sessionId);
    },
    async save(state) {
      await blobs.write(sealAuthState(state, keys, sessionId));
    },
    async clear() {
      await blobs.remove();
    },
  };
}
