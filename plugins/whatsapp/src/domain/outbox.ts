import { createHash } from "node:crypto";

/**
 * The outbound message row is its own outbox: `pending` without a claim is queued, `pending` with
 * `lease_until` in the future is being sent by `claimed_by`, then `sent` (or `failed`). A claim whose
 * lease ran out belongs to a process that died mid-send: anyone may take it again.
 */
export const SEND_LEASE_SECONDS = 30;
/** Outbox attempts (claims) before a message that keeps failing is marked `failed`. */
export const MAX_SEND_ATTEMPTS = 8;

/**
 * Cloud API sends carry no id of ours (the Graph API has no idempotency key and picks the message id):
 * a claim that ran out before the send recorded WhatsApp's id may have gone out. The send carries the
 * row id as `biz_opaque_callback_data`, so Meta's status webhook for it names the row and records the
 * id; the outbox waits this long after the claim ended for that webhook before it sends again.
 */
export const CLOUD_UNKNOWN_OUTCOME_WAIT_MS = 5 * 60_000;

export interface OutboxRow {
  direction: "in" | "out";
  status: string;
  lease_until: Date | string | null;
  send_attempts: number;
  /** Only read for Cloud API sessions (unknown outcomes). */
  wa_message_id?: string | null;
}

export type OutboxSessionKind = "baileys" | "simulator" | "cloud_api";

export type OutboxAction =
  /** Nothing to do: not an outbound message, or past `pending`. */
  | "done"
  /** Another process holds a live claim. */
  | "held"
  /** Claim it and send. */
  | "send"
  /** Tried too often: mark it failed. */
  | "give_up"
  /** A Cloud API claim ran out with no WhatsApp id recorded: wait for Meta's status webhook first. */
  | "await_outcome";

/**
 * Whether a Cloud API claim ran out with the outcome unknown: a claim ended by a finished attempt
 * (sent, or released after a failure) clears `lease_until`, so one still set and past is a process
 * that stopped between handing the message to Meta and recording its answer.
 */
export function cloudOutcomeUnknown(row: OutboxRow, kind: OutboxSessionKind, now: Date): boolean {
  if (kind !== "cloud_api" || row.direction !== "out" || row.status !== "pending") return false;
  if (row.wa_message_id || row.send_attempts === 0 || !row.lease_until) return false;
  return new Date(row.lease_until).getTime() <= now.getTime();
}

export function outboxAction(row: OutboxRow, now: Date, kind: OutboxSessionKind = "baileys"): OutboxAction {
  if (row.direction !== "out" || row.status !== "pending") return "done";
  if (row.lease_until && new Date(row.lease_until).getTime() > now.getTime()) return "held";
  if (cloudOutcomeUnknown(row, kind, now) && new Date(row.lease_until!).getTime() + CLOUD_UNKNOWN_OUTCOME_WAIT_MS > now.getTime()) {
    return "await_outcome";
  }
  if (row.send_attempts >= MAX_SEND_ATTEMPTS) return "give_up";
  return "send";
}

/**
 * The same rule in SQL, for the claim and the outbox's queue (table alias `m`, no bindings): a row is
 * free when nobody holds it, and a Cloud API row whose claim ran out with no WhatsApp id only once
 * CLOUD_UNKNOWN_OUTCOME_WAIT_MS has passed since.
 */
export const CLAIMABLE_SQL = `(m.lease_until IS NULL OR m.lease_until < now() - CASE
    WHEN m.wa_message_id IS NULL AND m.send_attempts > 0
     AND EXISTS (SELECT 1 FROM whatsapp_session s WHERE s.id = m.session_id AND s.kind = 'cloud_api')
    THEN interval '${CLOUD_UNKNOWN_OUTCOME_WAIT_MS / 1000} seconds' ELSE interval '0 seconds' END)`;

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
