import { MedusaError } from "@medusajs/framework/utils";
import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { dailyCapOn, decideSend, pacingPolicySchema, shopDate, type PacingPolicy } from "@voltura/domain";
import type { CampaignSender } from "@voltura/contracts";
import { cloudCapToday, isCloudKind, tierRoom } from "../../../domain/cloud-pacing";
import {
  initialPolicy, loadSession, lockSender, pacingStateOf, SESSION_COLUMNS, shopState, toSender, toSession, uniqueUsersReached, type SenderRow, type SessionInfo,
} from "./sender-row";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The monitor's view of one number: pacing state, today's count against today's cap, health and the next allowed send. */
export function senderView(
  session: SessionInfo, sender: SenderRow | null, fallbackPolicy: PacingPolicy, queued: number, now: Date,
  /** Cloud API: unique users the tier still allows in the rolling 24 h (null: no bound; undefined: not a Cloud API number). */
  tierRoomNow?: number | null,
): CampaignSender {
  const policy = sender?.policy ?? fallbackPolicy;
  const sentToday = sender?.last_sent_at && shopDate(sender.last_sent_at) === shopDate(now) ? sender.sent_today : 0;
  const decision = sender ? decideSend(policy, pacingStateOf(sender, session), now) : decideSend(policy, { last_sent_at: null, next_gap_seconds: null, sent_today: 0, timelock_until: session.timelock_until, paused_reason: null }, now);
  const lock = sender ? pacingStateOf(sender, session).timelock_until : session.timelock_until;
  const timelockActive = lock && lock > now ? lock : null;
  return {
    session_id: session.id, name: session.name, phone: session.phone, state: session.state, policy,
    sent_today: sentToday,
    cap_today: tierRoomNow === undefined ? dailyCapOn(policy, now) : cloudCapToday(dailyCapOn(policy, now), sentToday, tierRoomNow),
    health: sender?.health ?? null, timelock_until: iso(timelockActive), new_chat_cap: session.new_chats_left ?? sender?.new_chat_cap ?? null,
    paused_at: iso(sender?.paused_at ?? null), paused_reason: sender?.paused_reason ?? null, paused_by: sender?.paused_by ?? null,
    last_sent_at: iso(sender?.last_sent_at ?? null),
    next_send_at: decision.kind === "send" ? now.toISOString() : decision.kind === "wait" ? decision.until.toISOString() : null,
    wait_reason: decision.kind === "wait" ? decision.reason : decision.kind === "paused" ? "paused" : null,
    queued,
  };
}

async function queuedBySession(db: Sql): Promise<Map<string, number>> {
  const found = await rows(db,
    `SELECT r.session_id, count(*)::int AS n FROM campaign_recipient r
       JOIN campaign c ON c.id = r.campaign_id AND c.status = 'running' AND c.deleted_at IS NULL
      WHERE r.status IN ('queued','sending') AND r.deleted_at IS NULL GROUP BY r.session_id`);
  return new Map(found.map((r) => [String(r.session_id), Number(r.n)]));
}

export async function listSenders(db: Sql, now = new Date()): Promise<CampaignSender[]> {
  const sessions = (await rows(db, `SELECT ${SESSION_COLUMNS} FROM whatsapp_session s WHERE s.deleted_at IS NULL ORDER BY s.created_at, s.id`)).map(toSession);
  const senders = new Map((await rows(db, `SELECT * FROM campaign_sender WHERE deleted_at IS NULL`)).map((r) => [String(r.session_id), toSender(r)]));
  const queued = await queuedBySession(db);
  const state = await shopState(db);
  const rooms = new Map<string, number | null>();
  for (const s of sessions.filter((x) => isCloudKind(x.kind))) rooms.set(s.id, tierRoom(s.messaging_limit_tier, await uniqueUsersReached(db, s.id, now)));
  return sessions.map((s) => senderView(s, senders.get(s.id) ?? null, initialPolicy(state, s), queued.get(s.id) ?? 0, now, rooms.has(s.id) ? rooms.get(s.id) : undefined));
}

export async function getSender(db: Sql, sessionId: string, now = new Date()): Promise<CampaignSender> {
  const found = (await listSenders(db, now)).find((s) => s.session_id === sessionId);
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp session ${sessionId} was not found`);
  return found;
}

const POLICY_FIELDS = Object.keys(pacingPolicySchema.parse({}));

/** Validates a policy patch against the stored policy: unknown fields and bad values answer 400 naming the field. */
export function mergePolicy(current: PacingPolicy, patch: unknown): PacingPolicy {
  if (!patch || typeof patch !== "object" || Array.isArray(patch)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: the body must be an object of pacing policy fields");
  }
  const unknown = Object.keys(patch).filter((k) => !POLICY_FIELDS.includes(k));
  if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${unknown[0]}: is not a pacing policy field`);
  const parsed = pacingPolicySchema.safeParse({ ...current, ...patch });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

export async function updateSenderPolicy(db: SqlConnection, sessionId: string, patch: unknown): Promise<{ before: PacingPolicy; after: PacingPolicy }> {
  return db.transaction(async (trx) => {
    const sender = await lockSender(trx, await loadSession(trx, sessionId));
    const after = mergePolicy(sender.policy, patch);
    await trx.raw(`UPDATE campaign_sender SET policy = ?::jsonb, updated_at = now() WHERE id = ?`, [JSON.stringify(after), sender.id]);
    return { before: sender.policy, after };
  });
}

/** Pauses a number's campaign sending (a pause already in place keeps its reason). */
export async function pauseSender(db: SqlConnection, sessionId: string, reason: string, by: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const sender = await lockSender(trx, await loadSession(trx, sessionId));
    if (sender.paused_reason) return false;
    await trx.raw(`UPDATE campaign_sender SET paused_at = now(), paused_reason = ?, paused_by = ?, updated_at = now() WHERE id = ?`, [reason, by, sender.id]);
    return true;
  });
}

/** Resumes a number; returns the pause it lifted (null when it was not paused). */
export async function resumeSender(db: SqlConnection, sessionId: string): Promise<string | null> {
  return db.transaction(async (trx) => {
    const sender = await lockSender(trx, await loadSession(trx, sessionId));
    if (!sender.paused_reason) return null;
    await trx.raw(
      `UPDATE campaign_sender SET paused_at = NULL, paused_reason = NULL, paused_by = NULL, alerted_pause_at = NULL, resumed_at = now(), updated_at = now() WHERE id = ?`,
      [sender.id]);
    return sender.paused_reason;
  });
}
