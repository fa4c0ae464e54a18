import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { senderHealth, type SenderHealth, type SenderHealthInput } from "@voltura/domain";
import { alertStaffOnWhatsApp, AUDIT_MODULE, rows, sqlConnection, type AuditRecorder, type Sql } from "@voltura/medusa-kit";
import { lockSender, loadSession, type SenderRow } from "./sender-row";

const DAY_MS = 86_400_000;

/** WhatsApp's own signals as the gateway keeps them on the session row (`limits`, `send_failures`). */
export interface SessionSignals {
  timelock_until: Date | null;
  /** New chats WhatsApp still allows in its current cycle (its cap less what was used); null when it sets none. */
  new_chat_cap: number | null;
  /** Sends WhatsApp refused since `since`, by kind (all sends of the number, not only campaign ones). */
  refused_463: number;
  refused_auth: number;
}

export function sessionSignalsOf(session: Record<string, unknown>, since: Date): SessionSignals {
  const limits = (session.limits ?? {}) as { reachout_timelock_until?: string | null; new_chat_cap?: number | null; new_chat_used?: number | null };
  const marks = Array.isArray(session.send_failures) ? (session.send_failures as Array<{ status_code?: number; at?: string }>) : [];
  const recent = marks.filter((m) => m.at && new Date(m.at) > since);
  const cap = typeof limits.new_chat_cap === "number" ? limits.new_chat_cap : null;
  const used = typeof limits.new_chat_used === "number" ? limits.new_chat_used : 0;
  return {
    timelock_until: limits.reachout_timelock_until ? new Date(limits.reachout_timelock_until) : null,
    new_chat_cap: cap === null ? null : Math.max(0, cap - used),
    refused_463: recent.filter((m) => m.status_code === 463).length,
    refused_auth: recent.filter((m) => m.status_code === 401 || m.status_code === 403).length,
  };
}

/**
 * The pause a health verdict asks for: a timelock pauses as "timelock" (lifted by itself when WhatsApp lifts it),
 * anything else as "health" (a manager resumes). A pause already in place is kept; a manual one is never touched.
 */
export function pauseDecision(current: string | null, health: SenderHealth, timelockActive: boolean): { pause: "health" | "timelock" | null; lift: boolean } {
  if (current === "timelock" && !timelockActive) return { pause: health.verdict === "pause" ? "health" : null, lift: health.verdict !== "pause" };
  if (current) return { pause: null, lift: false };
  if (health.verdict !== "pause") return { pause: null, lift: false };
  return { pause: timelockActive ? "timelock" : "health", lift: false };
}

/** The health window: the last 24 h, or since a manager's resume if that is later. */
export function healthSince(sender: Pick<SenderRow, "resumed_at">, now: Date): Date {
  return new Date(Math.max(now.getTime() - DAY_MS, sender.resumed_at?.getTime() ?? 0));
}

async function healthInput(db: Sql, sender: SenderRow, signals: SessionSignals, timelockActive: boolean, now: Date): Promise<SenderHealthInput> {
  const since = healthSince(sender, now);
  const [sent] = await rows(db,
    `SELECT count(*)::int AS sent, count(*) FILTER (WHERE status IN ('delivered','read'))::int AS delivered,
        count(*) FILTER (WHERE status = 'read')::int AS read, count(*) FILTER (WHERE replied_at IS NOT NULL)::int AS replied
       FROM campaign_recipient WHERE session_id = ? AND sent_at > ? AND deleted_at IS NULL`, [sender.session_id, since]);
  const [failed] = await rows(db,
    `SELECT count(*) FILTER (WHERE reason = 'error_463')::int AS f463, count(*) FILTER (WHERE reason IN ('error_401','error_403'))::int AS fauth
       FROM campaign_recipient WHERE session_id = ? AND sent_at IS NULL AND status = 'failed' AND failed_at > ? AND deleted_at IS NULL`,
    [sender.session_id, since]);
  return {
    sent: Number(sent?.sent ?? 0), delivered: Number(sent?.delivered ?? 0), read: Number(sent?.read ?? 0), replied: Number(sent?.replied ?? 0),
    // The session's marks cover every send of the number; the recipients' reasons cover a gateway that keeps none.
    failed_463: Math.max(Number(failed?.f463 ?? 0), signals.refused_463), failed_auth: Math.max(Number(failed?.fauth ?? 0), signals.refused_auth),
    blocks: 0, timelock_active: timelockActive,
  };
}

/** A health pause the managers have not been told about yet. */
interface PendingAlert { session_id: string; name: string | null; reason: string; paused_at: Date; health: SenderHealth }

/**
 * Scores one number over its last 24 h (since its last resume) plus WhatsApp's signals, stores the score, pauses it
 * when the score says so, and tells the managers once per pause (WhatsApp + an audit row). Never re-pairs anything.
 */
export async function evaluateSenderHealth(container: MedusaContainer, sessionId: string, now = new Date()): Promise<SenderHealth> {
  const db = sqlConnection(container);
  const { health, alert } = await db.transaction(async (trx) => {
    const session = await loadSession(trx, sessionId);
    const sender = await lockSender(trx, session);
    const [raw] = await rows(trx, `SELECT to_jsonb(s) AS j FROM whatsapp_session s WHERE id = ?`, [sessionId]);
    const signals = sessionSignalsOf((raw?.j as Record<string, unknown>) ?? {}, healthSince(sender, now));
    const timelockUntil = signals.timelock_until && signals.timelock_until > now ? signals.timelock_until : null;
    const health = senderHealth(await healthInput(trx, sender, signals, timelockUntil !== null, now));
    const decision = pauseDecision(sender.paused_reason, health, timelockUntil !== null);
    const pausedAt = decision.pause ? now : decision.lift ? null : sender.paused_at;
    const pausedReason = decision.pause ?? (decision.lift ? null : sender.paused_reason);
    await trx.raw(
      `UPDATE campaign_sender SET health = ?::jsonb, timelock_until = ?, new_chat_cap = ?, paused_at = ?, paused_reason = ?,
         paused_by = CASE WHEN ? THEN 'system' WHEN ? THEN NULL ELSE paused_by END, updated_at = now() WHERE id = ?`,
      [JSON.stringify({ ...health, computed_at: now.toISOString() }), timelockUntil, signals.new_chat_cap, pausedAt, pausedReason,
        Boolean(decision.pause), decision.lift, sender.id]);
    const alert: PendingAlert | null = pausedReason && pausedReason !== "manual" && pausedAt && (!sender.alerted_pause_at || sender.alerted_pause_at < pausedAt)
      ? { session_id: sessionId, name: session.name, reason: pausedReason, paused_at: pausedAt, health } : null;
    return { health, alert };
  });
  if (alert) await alertManagers(container, alert);
  return health;
}

export function pauseAlertText(a: Pick<PendingAlert, "name" | "session_id" | "reason" | "health">): string {
  const why = a.health.reasons.length ? a.health.reasons.join("; ") : "low health score";
  const what = a.reason === "timelock" ? "WhatsApp time-locked new chats" : `health score ${a.health.score}/100`;
  return `Campaign sending paused on ${a.name ?? a.session_id}: ${what} (${why}). Check Campaigns → Senders; a manager resumes it.`;
}

async function alertManagers(container: MedusaContainer, alert: PendingAlert): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  try {
    await container.resolve<AuditRecorder>(AUDIT_MODULE).record({
      action: "campaign.sender_auto_paused", entity: "campaign_sender", entity_id: alert.session_id,
      actor_id: "system:campaign-sender-health", actor_role: "system", actor_name: "Campaign sender health",
      metadata: { reason: alert.reason, score: alert.health.score, reasons: alert.health.reasons, paused_at: alert.paused_at.toISOString() },
    });
    await alertStaffOnWhatsApp(container, {
      roles: ["owner", "manager"], text: pauseAlertText(alert), key: `campaign-sender-paused:${alert.session_id}:${alert.paused_at.getTime()}`,
      ref: alert.session_id, sender: "campaign-sender-health", label: `Campaign sender pause alert for ${alert.session_id}`,
    });
    await sqlConnection(container).raw(`UPDATE campaign_sender SET alerted_pause_at = ? WHERE session_id = ? AND deleted_at IS NULL`, [alert.paused_at, alert.session_id]);
  } catch (error) {
    logger.warn(`Campaign sender pause alert for ${alert.session_id} failed (retried next minute): ${(error as Error).message}`);
  }
}

/** Every sender with a row. */
export async function evaluateAllSenders(container: MedusaContainer, now = new Date()): Promise<number> {
  const senders = await rows(sqlConnection(container), `SELECT session_id FROM campaign_sender s WHERE deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM whatsapp_session w WHERE w.id = s.session_id AND w.deleted_at IS NULL)`);
  for (const s of senders) await evaluateSenderHealth(container, String(s.session_id), now);
  return senders.length;
}
