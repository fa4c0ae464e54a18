import { LIVE_CHANNEL, LIVE_REPLAY_LIMIT, LIVE_RETENTION_HOURS, LIVE_TOPIC_READERS, LIVE_TOPICS, type LiveChange } from "@voltura/domain";
import { rows, type Sql } from "@voltura/medusa-kit";

/** A stored live change as the stream sends it. */
export interface LiveRow {
  seq: number;
  topic: string;
  entity_id: string;
  action: string;
  at: string;
}

export const LIVE_ROW_COLUMNS = `seq::text AS seq, topic, entity_id, action,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`;

export const toLiveRow = (r: Record<string, unknown>): LiveRow => ({
  seq: Number(r.seq), topic: String(r.topic), entity_id: String(r.entity_id), action: String(r.action), at: String(r.at),
});

/**
 * Stores changes and announces each on the live channel, in one statement: it commits on its own, and
 * PostgreSQL delivers the notifications only at that commit, so a listener never sees an uncommitted row.
 */
export async function recordLiveChanges(db: Sql, changes: readonly LiveChange[], actorId: string | null): Promise<number[]> {
  if (!changes.length) return [];
  const found = await rows(db,
    `WITH ins AS (
       INSERT INTO live_event (topic, entity_id, action, actor_id)
       SELECT t.topic, t.entity_id, t.action, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS t(topic, entity_id, action)
       RETURNING seq)
     SELECT seq::text AS seq, pg_notify(?, seq::text) FROM ins`,
    [actorId, changes.map((c) => c.topic), changes.map((c) => c.entity_id), changes.map((c) => c.action), LIVE_CHANNEL]);
  return found.map((r) => Number(r.seq));
}

/** What a (re)connecting stream needs to decide between ready, replay and reset. */
export async function liveResumeState(db: Sql, resume: number | null): Promise<{ oldest: number | null; newest: number; pending: number }> {
  const [row] = await rows(db,
    `SELECT (SELECT min(seq) FROM live_event)::text AS oldest,
            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM live_event_seq_seq)::text AS newest,
            (SELECT count(*) FROM (SELECT 1 FROM live_event WHERE seq > ? LIMIT ?) AS p)::int AS pending`,
    [resume ?? 0, LIVE_REPLAY_LIMIT + 1]);
  return { oldest: row?.oldest == null ? null : Number(row.oldest), newest: Number(row?.newest ?? 0), pending: Number(row?.pending ?? 0) };
}

/** The topics a role receives. */
export function topicsReadableBy(role: string): string[] {
  return LIVE_TOPICS.filter((t) => (LIVE_TOPIC_READERS[t] as readonly string[]).includes(role));
}

/** The changes after a resume point that the role may see, oldest first. */
export async function liveChangesAfter(db: Sql, after: number, topics: readonly string[]): Promise<LiveRow[]> {
  const found = await rows(db,
    `SELECT ${LIVE_ROW_COLUMNS} FROM live_event WHERE seq > ? AND topic = ANY(?::text[]) ORDER BY seq LIMIT ?`,
    [after, [...topics], LIVE_REPLAY_LIMIT]);
  return found.map(toLiveRow);
}

/** Drops what is older than the retention (the hourly job). */
export async function pruneLiveChanges(db: Sql, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LIVE_RETENTION_HOURS * 3_600_000);
  const gone = await rows(db, `WITH d AS (DELETE FROM live_event WHERE created_at < ? RETURNING 1) SELECT count(*)::int AS n FROM d`, [cutoff.toISOString()]);
  return Number(gone[0]?.n ?? 0);
}
