import { KEYS_FILE_ENV, keyRingLoader } from "@voltura/keyring";
import { AUTH_STATE_KEY_ENV, authStateKeyFromEnv, type AuthStateKeys } from "@voltura/whatsapp-transport";

export type AuthKeyStatus = { status: "set"; keys: AuthStateKeys; warning: string | null } | { status: "missing"; error: string } | { status: "invalid"; error: string };

/**
 * The keys for stored Baileys credentials: the key ring (VOLTURA_KEYS_FILE, "secrets" key) seals
 * every new write; WHATSAPP_AUTH_STATE_KEY, when set, still opens credentials stored before the key
 * ring ("v1"), until `npm run keys:rotate` re-seals them. `npm start` / `npm test` make both per
 * checkout (scripts/lib/env.mjs); compose sets them.
 */
export function readAuthStateKey(env: Record<string, string | undefined> = process.env): AuthKeyStatus {
  let legacyKey: Buffer | null = null;
  let legacyError: string | null = null;
  if (env[AUTH_STATE_KEY_ENV]?.trim()) {
    try {
      legacyKey = authStateKeyFromEnv(env);
    } catch (error) {
      legacyError = (error as Error).message;
    }
  }
  if (!env[KEYS_FILE_ENV]?.trim()) {
    if (legacyKey) return { status: "set", keys: { ring: null, legacyKey }, warning: `${KEYS_FILE_ENV} is not set: credentials stay sealed with ${AUTH_STATE_KEY_ENV} (v1)` };
    if (legacyError) return { status: "invalid", error: legacyError };
    return { status: "missing", error: `${KEYS_FILE_ENV} is not set: Baileys sessions cannot store or read their credentials` };
  }
  const ring = keyRingLoader({ env: env as NodeJS.ProcessEnv });
  try {
    ring();
  } catch (error) {
    return { status: "invalid", error: (error as Error).message };
  }
  return { status: "set", keys: { ring, legacyKey }, warning: legacyError };
}
