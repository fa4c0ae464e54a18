import { MedusaError } from "@medusajs/framework/utils";
import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { decideSend, pacingPolicyForState, shopDate } from "@voltura/domain";
import type { CampaignAnalytics } from "@voltura/contracts";
import { foldAnalytics, othersBacklogStatement, run } from "./analytics-sql";
import { analyticsRows } from "./run-tally";
import { campaignEta, type SenderBacklog } from "../../../domain/eta";
import { initialPolicy, pacingStateOf, SESSION_COLUMNS, shopState, toSender, toSession } from "../../campaign-dispatch/senders/sender-row";

type Counts = CampaignAnalytics["counts"];

/** Rates over the messages that went out; 0 when none did. */
export function ratesOf(c: Counts): CampaignAnalytics["rates"] {
  const over = (n: number) => (c.sent > 0 ? Math.round((n / c.sent) * 10_000) / 10_000 : 0);
  return { delivery: over(c.delivered), read: over(c.read), response: over(c.replied), conversion: over(c.converted) };
}

/** Share of the run in a final state (sent or beyond, failed, skipped), in percent with one decimal. */
export function progressPct(c: Counts): number {
  if (c.total === 0) return 0;
  return Math.round(((c.total - c.queued - c.sending) / c.total) * 1000) / 10;
}

export async function loadCampaignHead(db: Sql, campaignId: string): Promise<{ id: string; name: string; status: string; run_no: number }> {
  const [c] = await rows(db, `SELECT id, name, status, run_no FROM campaign WHERE id = ? AND deleted_at IS NULL`, [campaignId]);
  if (!c) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign ${campaignId} was not found`);
  return { id: String(c.id), name: String(c.name), status: String(c.status), run_no: Number(c.run_no) };
}

async function etaOf(db: Sql, campaignId: string, remaining: Map<string, number>, now: Date): Promise<Date | null> {
  const ids = [...remaining.keys()];
  if (!ids.length) return null;
  const others = new Map((await run(db, othersBacklogStatement(campaignId, ids))).map((r) => [String(r.session_id), Number(r.n)]));
  const sessions = new Map((await rows(db, `SELECT ${SESSION_COLUMNS} FROM whatsapp_session s WHERE s.id = ANY(?::text[])`, [ids]))
    .map((s) => [String(s.id), toSession(s)]));
  const senders = new Map((await rows(db, `SELECT * FROM campaign_sender WHERE session_id = ANY(?::text[]) AND deleted_at IS NULL`, [ids]))
    .map((s) => [String(s.session_id), toSender(s)]));
  const state = await shopState(db);
  const backlogs: SenderBacklog[] = ids.map((id) => {
    const session = sessions.get(id);
    const sender = senders.get(id);
    if (!session) return { policy: pacingPolicyForState(state), remaining: remaining.get(id) ?? 0, others_remaining: 0, sent_today: 0, can_send: false };
    const policy = sender?.policy ?? initialPolicy(state, session);
    const paused = sender ? decideSend(policy, pacingStateOf(sender, session), now).kind === "paused" : false;
    return {
      policy, remaining: remaining.get(id) ?? 0, others_remaining: others.get(id) ?? 0,
      sent_today: sender?.last_sent_at && shopDate(sender.last_sent_at) === shopDate(now) ? sender.sent_today : 0,
      can_send: session.enabled && session.state === "open" && !paused,
    };
  });
  return campaignEta(backlogs, now);
}

export async function campaignAnalytics(db: SqlConnection, campaignId: string, runNo: number | undefined, now = new Date()): Promise<CampaignAnalytics> {
  const head = await loadCampaignHead(db, campaignId);
  const runNumber = runNo ?? Math.max(head.run_no, 1);
  const groups = foldAnalytics(await analyticsRows(db, campaignId, runNumber));
  const n = (...statuses: string[]) => statuses.reduce((sum, st) => sum + (groups.byStatus.get(st) ?? 0), 0);
  const counts: Counts = {
    total: n("queued", "sending", "sent", "delivered", "read", "failed", "skipped"), queued: n("queued"), sending: n("sending"),
    sent: n("sent", "delivered", "read"), delivered: n("delivered", "read"), read: n("read"), failed: n("failed"), skipped: n("skipped"),
    replied: groups.replied, opted_out: groups.optedOut, converted: groups.converted,
  };
  const byReason = (status: string) => groups.reasons.filter((r) => r.status === status).map((r) => ({ reason: r.reason, count: r.count }));
  const live = head.status === "running" && runNumber === head.run_no && counts.queued + counts.sending > 0;
  const eta = live ? await etaOf(db, campaignId, groups.remainingBySession, now) : null;
  return {
    campaign_id: campaignId, status: head.status, run_no: runNumber, counts,
    failed_by_reason: byReason("failed"), skipped_by_reason: byReason("skipped"),
    rates: ratesOf(counts), progress_pct: progressPct(counts), eta: eta ? eta.toISOString() : null, sent_per_day: groups.perDay,
  };
}
