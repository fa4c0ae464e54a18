import { createHash } from "node:crypto";

/**
 * The outbound message row is its own outbox: `pending` without a claim is queued, `pending` with
 * `lease_until` in the future is being sent by `claimed_by`, then `sent` (or `failed`). A claim whose
 * lease ran out belongs to a process that died mid-send: anyone may take it again.
 */
export const SEND_LEASE_SECONDS = 30;
/** Outbox attempts (claims) before a message that keeps failing is marked `failed`. */
export const MAX_SEND_ATTEMPTS = 8;

export interface OutboxRow {
  direction: "in" | "out";
  status: string;
  lease_until: Date | string | null;
  send_attempts: number;
}

export type OutboxAction =
  /** Nothing to do: not an outbound message, or past `pending`. */
  | "done"
  /** Another process holds a live claim. */
  | "held"
  /** Claim it and send. */
  | "send"
  /** Tried too often: mark it failed. */
  | "give_up";

export function outboxAction(row: OutboxRow, now: Date): OutboxAction {
  if (row.direction !== "out" || row.status !== "pending") return "done";
  if (row.lease_until && new Date(row.lease_until).getTime() > now.getTime()) return "held";
  if (row.send_attempts >= MAX_SEND_ATTEMPTS) return "give_up";
  return "send";
}

/**
 * The WhatsApp message id a logical send goes out under, fixed by its idempotency key: a resend
 * after a crash between "handed to the socket" and "recorded as sent" carries the same id, so its
 * receipts land on the one row and recipients' clients, which key messages by id, see one message.
 * Shaped like the transport's own ids (Baileys `3EB0…`, simulator `SIM…`).
 */
export function stableWaMessageId(idempotencyKey: string, kind: "baileys" | "simulator"): string {
  const digest = createHash("sha256").update(`voltura-whatsapp-send:${idempotencyKey}`).digest("hex").toUpperCase();
  return kind === "simulator" ? `SIM${digest.slice(0, 16)}` : `3EB0${digest.slice(0, 18)}`;
}
