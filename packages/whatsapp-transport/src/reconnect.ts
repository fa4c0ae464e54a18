import type { AlertKind, CloseReason } from "./types.js";

/**
 * Baileys' DisconnectReason status codes (lib/Types/index.d.ts in @whiskeysockets/baileys 6.7).
 * connectionLost and timedOut share 408.
 */
export const DisconnectReason = {
  connectionClosed: 428,
  connectionLost: 408,
  connectionReplaced: 440,
  timedOut: 408,
  loggedOut: 401,
  badSession: 500,
  restartRequired: 515,
  multideviceMismatch: 411,
  forbidden: 403,
  unavailableService: 503,
} as const;
export type DisconnectReasonName = keyof typeof DisconnectReason;

export type ReconnectDecision =
  | { action: "reconnect"; delayMs: number; reason: CloseReason }
  | { action: "stop"; alert: AlertKind; reason: CloseReason }
  | { action: "repair"; clearCredentials: true; alert: "pairingRequired"; reason: CloseReason };

export interface BackoffOptions {
  /** First backoff ceiling; doubles per attempt. */
  baseMs?: number;
  /** Largest delay ever returned. */
  capMs?: number;
  /** Source of randomness in [0, 1): Math.random in production, a fixed function in tests. */
  random?: () => number;
}

const BASE_MS = 1_000;
const CAP_MS = 60_000;

/** Maps a Baileys status code (or a reason name) to our close reason; anything else is "unknown". */
export function closeReasonOf(reason: number | string | undefined | null): CloseReason {
  if (typeof reason === "string") return reason in DisconnectReason ? (reason as DisconnectReasonName) : "unknown";
  switch (reason) {
    case DisconnectReason.restartRequired:
      return "restartRequired";
    case DisconnectReason.connectionLost:
      return "connectionLost";
    case DisconnectReason.connectionClosed:
      return "connectionClosed";
    case DisconnectReason.unavailableService:
      return "unavailableService";
    case DisconnectReason.connectionReplaced:
      return "connectionReplaced";
    case DisconnectReason.loggedOut:
      return "loggedOut";
    case DisconnectReason.badSession:
      return "badSession";
    case DisconnectReason.multideviceMismatch:
      return "multideviceMismatch";
    case DisconnectReason.forbidden:
      return "forbidden";
    default:
      return "unknown";
  }
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base · 2^attempt)).
 * `attempt` counts failed attempts since the connection was last open, from 0.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BASE_MS;
  const cap = options.capMs ?? CAP_MS;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, Math.min(attempt, 30)));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}

/**
 * What to do after the connection closed for `reason` (a Baileys DisconnectReason code or name):
 * - restartRequired (after pairing): reconnect at once;
 * - connectionLost / timedOut / connectionClosed / unavailableService / unknown: back off and retry;
 * - connectionReplaced (WhatsApp Web opened elsewhere): stop and alert, never fight over the session;
 * - loggedOut / badSession: clear the credentials and ask staff to pair again;
 * - multideviceMismatch / forbidden: stop and alert.
 */
export function decideReconnect(
  reason: number | string | undefined | null,
  attempt: number,
  options: BackoffOptions = {},
): ReconnectDecision {
  const closeReason = closeReasonOf(reason);
  switch (closeReason) {
    case "restartRequired":
      return { action: "reconnect", delayMs: 0, reason: closeReason };
    case "connectionReplaced":
    case "multideviceMismatch":
    case "forbidden":
      return { action: "stop", alert: closeReason, reason: closeReason };
    case "loggedOut":
    case "badSession":
      return { action: "repair", clearCredentials: true, alert: "pairingRequired", reason: closeReason };
    default:
      return { action: "reconnect", delayMs: backoffDelay(attempt, options), reason: closeReason };
  }
}
