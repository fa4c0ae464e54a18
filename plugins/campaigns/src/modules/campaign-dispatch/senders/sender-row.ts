import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import { pacingPolicySchema, type PacingPolicy, type SenderPacingState } from "@voltura/domain";
import { defaultPolicyFor } from "../../../domain/cloud-pacing";

/** A WhatsApp session as the sending side sees it. */
export interface SessionInfo {
  id: string;
  name: string | null;
  phone: string | null;
  /** baileys, simulator or cloud_api. */
  kind: string;
  state: string;
  enabled: boolean;
  paired_at: Date | null;
  created_at: Date;
  /** WhatsApp's reach-out timelock as the gateway last stored it (`whatsapp_session.limits`). */
  timelock_until: Date | null;
  /** New chats WhatsApp still allows in its cycle; null when it sets no cap. */
  new_chats_left: number | null;
  /** Cloud API: Meta's messaging limit tier as the gateway last stored it (null: not reported yet). */
  messaging_limit_tier: string | null;
}

export interface SenderRow {
  id: string;
  session_id: string;
  policy: PacingPolicy;
  last_sent_at: Date | null;
  next_gap_seconds: number | null;
  sent_today: number;
  sends_since_pause: number;
  last_campaign_id: string | null;
  paused_at: Date | null;
  paused_reason: string | null;
  paused_by: string | null;
  resumed_at: Date | null;
  health: { score: number; verdict: "healthy" | "watch" | "pause"; reasons: string[]; computed_at: string } | null;
  alerted_pause_at: Date | null;
  timelock_until: Date | null;
  new_chat_cap: number | null;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export function toSession(r: SqlRow): SessionInfo {
  const limits = (r.limits ?? null) as {
    reachout_timelock_until?: string | null; new_chat_cap?: number | null; new_chat_used?: number | null; messaging_limit_tier?: string | null;
  } | null;
  const cap = typeof limits?.new_chat_cap === "number" ? limits.new_chat_cap : null;
  return {
    id: String(r.id), name: (r.name as string | null) ?? null, phone: (r.phone as string | null) ?? null, kind: String(r.kind ?? "baileys"), state: String(r.state),
    enabled: r.enabled !== false, paired_at: date(r.paired_at), created_at: new Date(r.created_at as string),
    timelock_until: date(limits?.reachout_timelock_until ?? null),
    new_chats_left: cap === null ? null : Math.max(0, cap - (typeof limits?.new_chat_used === "number" ? limits.new_chat_used : 0)),
    messaging_limit_tier: typeof limits?.messaging_limit_tier === "string" ? limits.messaging_limit_tier : null,
  };
}

/** The session columns the sending side reads; `limits` through to_jsonb, so a gateway without it reads as none. */
export const SESSION_COLUMNS = `s.id, s.name, s.phone, s.kind, s.state, s.enabled, s.paired_at, s.created_at, to_jsonb(s) -> 'limits' AS limits`;

export function toSender(r: SqlRow): SenderRow {
  return {
    id: String(r.id), session_id: String(r.session_id),
    // A stored policy from an older version gains the defaults of fields added since.
    policy: pacingPolicySchema.parse(r.policy ?? {}),
    last_sent_at: date(r.last_sent_at), next_gap_seconds: r.next_gap_seconds === null ? null : Number(r.next_gap_seconds),
    sent_today: Number(r.sent_today ?? 0), sends_since_pause: Number(r.sends_since_pause ?? 0),
    last_campaign_id: (r.last_campaign_id as string | null) ?? null,
    paused_at: date(r.paused_at), paused_reason: (r.paused_reason as string | null) ?? null, paused_by: (r.paused_by as string | null) ?? null, resumed_at: date(r.resumed_at),
    health: (r.health as SenderRow["health"]) ?? null, alerted_pause_at: date(r.alerted_pause_at),
    timelock_until: date(r.timelock_until), new_chat_cap: r.new_chat_cap === null || r.new_chat_cap === undefined ? null : Number(r.new_chat_cap),
  };
}

/** The pacing state `decideSend` reads: the later of the stored timelock and the one WhatsApp announced on the session. */
export function pacingStateOf(sender: SenderRow, session?: Pick<SessionInfo, "timelock_until">): SenderPacingState {
  const locks = [sender.timelock_until, session?.timelock_until ?? null].filter((d): d is Date => d !== null);
  return {
    last_sent_at: sender.last_sent_at, next_gap_seconds: sender.next_gap_seconds, sent_today: sender.sent_today,
    timelock_until: locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null, paused_reason: sender.paused_reason,
  };
}

/**
 * The policy a new sender starts with: the defaults, the shop state's weekend, warm-up from the pairing; a Cloud
 * API number gets its own short gaps (domain/cloud-pacing.ts).
 */
export function initialPolicy(state: string, session: SessionInfo): PacingPolicy {
  return defaultPolicyFor(session.kind, state, (session.paired_at ?? session.created_at).toISOString());
}

/**
 * Distinct customers this number wrote to in the rolling 24 h (what Meta's tier counts): a range of the message
 * log's (created_at, id) index, filtered to the number.
 */
export function uniqueUsersSql(sessionId: string, now: Date): { sql: string; bindings: unknown[] } {
  return {
    sql: `SELECT count(DISTINCT phone)::int AS n FROM whatsapp_message
      WHERE created_at > ?::timestamptz - interval '24 hours' AND session_id = ? AND direction = 'out' AND status <> 'failed' AND deleted_at IS NULL`,
    bindings: [now, sessionId],
  };
}

export async function uniqueUsersReached(db: Sql, sessionId: string, now: Date): Promise<number> {
  const statement = uniqueUsersSql(sessionId, now);
  const [found] = await rows(db, statement.sql, statement.bindings);
  return Number(found?.n ?? 0);
}

export async function loadSession(db: Sql, sessionId: string): Promise<SessionInfo> {
  const [found] = await rows(db, `SELECT ${SESSION_COLUMNS} FROM whatsapp_session s WHERE s.id = ? AND s.deleted_at IS NULL`, [sessionId]);
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp session ${sessionId} was not found`);
  return toSession(found);
}

export async function shopState(db: Sql): Promise<string> {
  const [found] = await rows(db, `SELECT state FROM campaign_settings WHERE id = 'default'`);
  return String(found?.state ?? "SGR");
}

/** Creates the sender row of a session with the default policy on first use (a no-op when it exists). */
export async function ensureSender(db: Sql, session: SessionInfo): Promise<void> {
  const policy = initialPolicy(await shopState(db), session);
  await db.raw(
    `INSERT INTO campaign_sender (id, session_id, policy, created_at, updated_at) VALUES (?, ?, ?::jsonb, now(), now())
     ON CONFLICT (session_id) WHERE deleted_at IS NULL DO NOTHING`,
    [generateEntityId(undefined, "csnd"), session.id, JSON.stringify(policy)],
  );
}

/** Locks the sender row (creating it first); every pacing decision and record runs under this lock. */
export async function lockSender(db: Sql, session: SessionInfo): Promise<SenderRow> {
  await ensureSender(db, session);
  const [found] = await rows(db, `SELECT * FROM campaign_sender WHERE session_id = ? AND deleted_at IS NULL FOR UPDATE`, [session.id]);
  return toSender(found);
}
