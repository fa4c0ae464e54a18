import { AUTH_STATE_KEY_ENV, authStateKeyFromEnv } from "@voltura/whatsapp-transport";

export type AuthKeyStatus = { status: "set"; key: Buffer } | { status: "missing"; error: string } | { status: "invalid"; error: string };

/**
 * The AES-256-GCM key for stored Baileys credentials. `npm start` / `npm test` derive one per
 * checkout from .data/secrets.json (scripts/lib/env.mjs); compose must set it.
 */
export function readAuthStateKey(env: Record<string, string | undefined> = process.env): AuthKeyStatus {
  if (!env[AUTH_STATE_KEY_ENV]?.trim()) {
    return { status: "missing", error: `${AUTH_STATE_KEY_ENV} is not set: Baileys sessions cannot store or read their credentials (openssl rand -hex 32)` };
  }
  try {
    return { status: "set", key: authStateKeyFromEnv(env) };
  } catch (error) {
    return { status: "invalid", error: (error as Error).message };
  }
}
