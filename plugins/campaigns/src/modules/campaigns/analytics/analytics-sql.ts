import { SHOP_TIME_ZONE } from "@voltura/domain";
import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";

export interface Statement { sql: string; bindings: unknown[] }

/** Which grouping set a row of the analytics statement belongs to (PostgreSQL GROUPING() bit masks). */
export const BY_REASON = 3; // (status, reason)
export const BY_DAY = 5; // (status, sent_day)
export const BY_SESSION = 6; // (status, session_id)

/**
 * One pass over a run's recipients (found by the (campaign_id, status) index), three groupings at once: by status and
 * reason (counts, failed/skipped reasons, replied/opted out/converted), by status and shop day of sending (the chart),
 * by status and number (what is left per number, for the ETA). A 50k-recipient run is read once, not four times.
 * Recipient rows are never soft-deleted, so there is no deleted_at test (a covering index on (campaign_id, run_no,
 * status) including the columns read makes it an index-only scan). Run it with work_mem for hashing the groups.
 */
export function analyticsStatement(campaignId: string, runNo: number): Statement {
  return {
    sql: `SELECT GROUPING(reason, sent_day, session_id) AS grouping_set, status, reason, sent_day::text AS sent_day, session_id, count(*)::int AS n,
        count(*) FILTER (WHERE replied_at IS NOT NULL)::int AS replied, count(*) FILTER (WHERE opted_out_at IS NOT NULL)::int AS opted_out,
        count(*) FILTER (WHERE converted_at IS NOT NULL)::int AS converted
      FROM (SELECT status, reason, session_id, replied_at, opted_out_at, converted_at,
              (sent_at AT TIME ZONE '${SHOP_TIME_ZONE}')::date AS sent_day
            FROM campaign_recipient WHERE campaign_id = ? AND run_no = ?) r
      GROUP BY GROUPING SETS ((status, reason), (status, sent_day), (status, session_id))`,
    bindings: [campaignId, runNo],
  };
}

/** Other running campaigns' recipients left on these numbers (round-robin shares the numbers), via the work index. */
export function othersBacklogStatement(campaignId: string, sessionIds: readonly string[]): Statement {
  return {
    sql: `SELECT r.session_id, count(*)::int AS n FROM campaign_recipient r
      WHERE r.session_id = ANY(?::text[]) AND r.status IN ('queued','sending') AND r.campaign_id <> ? AND r.deleted_at IS NULL
        AND r.campaign_id IN (SELECT id FROM campaign WHERE status = 'running' AND deleted_at IS NULL)
      GROUP BY r.session_id`,
    bindings: [[...sessionIds], campaignId],
  };
}

export interface AnalyticsGroups {
  byStatus: Map<string, number>;
  reasons: Array<{ status: string; reason: string; count: number }>;
  replied: number;
  optedOut: number;
  converted: number;
  perDay: Array<{ day: string; sent: number; delivered: number; read: number }>;
  remainingBySession: Map<string, number>;
}

const OUT = ["sent", "delivered", "read"];

/** Folds the grouping-set rows into the figures (pure). */
export function foldAnalytics(found: readonly SqlRow[]): AnalyticsGroups {
  const out: AnalyticsGroups = { byStatus: new Map(), reasons: [], replied: 0, optedOut: 0, converted: 0, perDay: [], remainingBySession: new Map() };
  const days = new Map<string, { day: string; sent: number; delivered: number; read: number }>();
  for (const row of found) {
    const set = Number(row.grouping_set);
    const status = String(row.status);
    const n = Number(row.n);
    if (set === BY_REASON) {
      out.byStatus.set(status, (out.byStatus.get(status) ?? 0) + n);
      out.replied += Number(row.replied);
      out.optedOut += Number(row.opted_out);
      out.converted += Number(row.converted);
      if (status === "failed" || status === "skipped") out.reasons.push({ status, reason: row.reason === null ? "unknown" : String(row.reason), count: n });
    } else if (set === BY_DAY && row.sent_day !== null && OUT.includes(status)) {
      const day = days.get(String(row.sent_day)) ?? { day: String(row.sent_day), sent: 0, delivered: 0, read: 0 };
      day.sent += n;
      if (status !== "sent") day.delivered += n;
      if (status === "read") day.read += n;
      days.set(day.day, day);
    } else if (set === BY_SESSION && row.session_id !== null && (status === "queued" || status === "sending")) {
      const session = String(row.session_id);
      out.remainingBySession.set(session, (out.remainingBySession.get(session) ?? 0) + n);
    }
  }
  out.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  out.perDay = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  return out;
}

/** Enough memory to hash the groups of a 50k-recipient run instead of sorting it on disk. */
export const ANALYTICS_WORK_MEM = "32MB";

export async function run(db: Sql, s: Statement) {
  return rows(db, s.sql, s.bindings);
}
