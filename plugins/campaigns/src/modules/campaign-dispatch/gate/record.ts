import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { rows, sqlConnection, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { shopDate } from "@voltura/domain";
import type { DispatchProgress, DispatchRecipientAnswer } from "@voltura/contracts";
import { campaignSenderIds } from "../../../domain/routing";
import { applyCampaignAction } from "../../campaigns/planner/lifecycle-commit";
import { CampaignRefusal } from "../../campaigns/planner/refusal";
import { loadSession, lockSender, toSender, type SenderRow } from "../senders/sender-row";

export const OUT_STATUSES = ["sent", "delivered", "read"] as const;
type OutStatus = (typeof OUT_STATUSES)[number];
const isOut = (s: string): s is OutStatus => (OUT_STATUSES as readonly string[]).includes(s);

/**
 * The furthest of the pacer's status and the message log's: receipts that came in before the send was recorded
 * (a Cloud API status webhook can beat the worker's record) are not lost.
 */
export function furthestOutStatus(reported: OutStatus, logged: unknown): OutStatus {
  const rank = (s: unknown) => OUT_STATUSES.indexOf(s as OutStatus);
  return rank(logged) > rank(reported) ? (logged as OutStatus) : reported;
}

/** Gateway error codes that count against the sending number's health. */
export const HEALTH_ERROR_CODES = ["463", "401", "403"] as const;

/** The stored failure reason: a health-relevant code becomes `error_<code>` (grouped in analytics, counted by health). */
export function failureReason(reason: string, code?: number | string): string {
  const c = code === undefined ? "" : String(code).trim();
  if ((HEALTH_ERROR_CODES as readonly string[]).includes(c)) return `error_${c}`;
  return reason.trim().slice(0, 500);
}

/** The sender's counters after one more send at `at`: the day's count restarts on a new shop day. */
export function countSend(sender: Pick<SenderRow, "last_sent_at" | "sent_today">, at: Date): number {
  return sender.last_sent_at && shopDate(sender.last_sent_at) === shopDate(at) ? sender.sent_today + 1 : 1;
}

/** Marks a claimed recipient sent (or further) and counts the send on its sender; the sender row is locked by the caller. */
export async function markSent(db: Sql, sender: SenderRow, recipientId: string, messageId: string, status: OutStatus, at: Date): Promise<SenderRow> {
  await db.raw(
    `UPDATE campaign_recipient SET status = ?, message_id = ?, reason = NULL, sent_at = coalesce(sent_at, ?),
       delivered_at = CASE WHEN ? IN ('delivered','read') THEN coalesce(delivered_at, ?) ELSE delivered_at END,
       read_at = CASE WHEN ? = 'read' THEN coalesce(read_at, ?) ELSE read_at END, updated_at = now()
     WHERE id = ?`, [status, messageId, at, status, at, status, at, recipientId]);
  const sentToday = countSend(sender, at);
  await db.raw(`UPDATE campaign_sender SET last_sent_at = ?, sent_today = ?, updated_at = now() WHERE id = ?`, [at, sentToday, sender.id]);
  return { ...sender, last_sent_at: at, sent_today: sentToday };
}

interface LockedRecipient { id: string; status: string; reason: string | null; session_id: string | null }

/** Locks the sender of a recipient, then the recipient (the gate's lock order: sender first). */
async function lockRecipient(trx: Sql, recipientId: string): Promise<{ recipient: LockedRecipient; sender: SenderRow | null }> {
  const [peek] = await rows(trx, `SELECT session_id FROM campaign_recipient WHERE id = ? AND deleted_at IS NULL`, [recipientId]);
  if (!peek) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign recipient ${recipientId} was not found`);
  let sender: SenderRow | null = null;
  if (peek.session_id) {
    const [existing] = await rows(trx, `SELECT * FROM campaign_sender WHERE session_id = ? AND deleted_at IS NULL FOR UPDATE`, [peek.session_id]);
    sender = existing ? toSender(existing) : await lockSender(trx, await loadSession(trx, String(peek.session_id)));
  }
  const [r] = await rows(trx, `SELECT id, status, reason, session_id FROM campaign_recipient WHERE id = ? FOR UPDATE`, [recipientId]);
  return { recipient: { id: String(r.id), status: String(r.status), reason: (r.reason as string | null) ?? null, session_id: (r.session_id as string | null) ?? null }, sender };
}

/** POST dispatch/sent: idempotent; a repeated call (or one for a recipient already further on) changes nothing. */
export async function recordSent(db: SqlConnection, input: { recipient_id: string; message_id: string; status: OutStatus }, now = new Date()): Promise<DispatchRecipientAnswer> {
  return db.transaction(async (trx) => {
    const { recipient, sender } = await lockRecipient(trx, input.recipient_id);
    if (isOut(recipient.status)) return { recipient: { id: recipient.id, status: recipient.status as OutStatus, reason: recipient.reason }, replayed: true };
    if (recipient.status === "skipped") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Recipient ${recipient.id} was skipped (${recipient.reason ?? "no reason"}); it cannot be recorded as sent`);
    }
    const [logged] = await rows(trx, `SELECT status FROM whatsapp_message WHERE id = ? AND direction = 'out'`, [input.message_id]);
    const status = furthestOutStatus(input.status, logged?.status);
    if (sender) await markSent(trx, sender, recipient.id, input.message_id, status, now);
    else await trx.raw(`UPDATE campaign_recipient SET status = ?, message_id = ?, sent_at = ?, reason = NULL, updated_at = now() WHERE id = ?`, [status, input.message_id, now, recipient.id]);
    return { recipient: { id: recipient.id, status, reason: null }, replayed: false };
  });
}

/** POST dispatch/failed: idempotent; a recipient already sent stays sent (the transport's success wins). */
export async function recordFailed(db: SqlConnection, input: { recipient_id: string; reason: string; code?: number | string }, now = new Date()): Promise<DispatchRecipientAnswer> {
  return db.transaction(async (trx) => {
    const { recipient, sender } = await lockRecipient(trx, input.recipient_id);
    if (isOut(recipient.status) || recipient.status === "failed" || recipient.status === "skipped") {
      return { recipient: { id: recipient.id, status: recipient.status as DispatchRecipientAnswer["recipient"]["status"], reason: recipient.reason }, replayed: true };
    }
    const reason = failureReason(input.reason, input.code);
    await trx.raw(`UPDATE campaign_recipient SET status = 'failed', reason = ?, failed_at = ?, updated_at = now() WHERE id = ?`, [reason, now, recipient.id]);
    // A failed attempt still paces the number: the next claim waits the gap chosen for this one.
    if (sender) await trx.raw(`UPDATE campaign_sender SET last_sent_at = ?, updated_at = now() WHERE id = ?`, [now, sender.id]);
    return { recipient: { id: recipient.id, status: "failed", reason }, replayed: false };
  });
}

/** What is left of a run (queued + sending); the `(campaign_id, status)` index counts it. */
export async function remainingOfRun(db: Sql, campaignId: string, runNo: number): Promise<number> {
  const [left] = await rows(db,
    `SELECT count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ? AND status IN ('queued','sending') AND run_no = ? AND deleted_at IS NULL`,
    [campaignId, runNo]);
  return Number(left?.n ?? 0);
}

/**
 * POST dispatch/progress: what is left of a run. When nothing is left of the campaign's current run while it runs, the
 * run ends through the planner's lifecycle (completed, or back to scheduled when recurring) with a campaign_event by System.
 */
export async function runProgress(container: MedusaContainer, input: { campaign_id: string; run_no: number }): Promise<DispatchProgress> {
  const db = sqlConnection(container);
  const [campaign] = await rows(db, `SELECT id, status, run_no, session_ids, cloud_template FROM campaign WHERE id = ? AND deleted_at IS NULL`, [input.campaign_id]);
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign ${input.campaign_id} was not found`);
  const remaining = await remainingOfRun(db, input.campaign_id, input.run_no);
  let status = String(campaign.status);
  if (remaining === 0 && status === "running" && Number(campaign.run_no) === input.run_no) {
    try {
      const { after } = await applyCampaignAction(container, input.campaign_id, "complete", { id: "system", name: "System" },
        { reason: `run ${input.run_no} reached every recipient`, shopName: "" });
      status = after.status;
    } catch (error) {
      // Another call completed it (or staff paused it) in between: report what it is now.
      if (!(error instanceof CampaignRefusal)) throw error;
      const [now] = await rows(db, `SELECT status FROM campaign WHERE id = ?`, [input.campaign_id]);
      status = String(now?.status ?? status);
    }
  }
  const sessionIds = campaignSenderIds({
    session_ids: Array.isArray(campaign.session_ids) ? (campaign.session_ids as unknown[]).map(String) : [],
    cloud_template: (campaign.cloud_template as { session_id: string } | null) ?? null,
  });
  return { remaining, done: remaining === 0, status, session_ids: sessionIds };
}
