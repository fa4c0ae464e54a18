import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import { analyticsStatement, BY_REASON, type Statement } from "./analytics-sql";

/**
 * A run's analytics rows (the grouping sets of `analyticsStatement`) counted once and kept in campaign_run_tally while
 * the run is quiet. Every write of a recipient sets its `updated_at` to its transaction's time, so a tally counted at
 * t is exact while no recipient of the run has `updated_at` >= t - QUIET: a write the count could not see belongs to
 * a transaction that started after t - QUIET (writes are short), and invalidates the tally once it commits.
 * A running run keeps changing, so it is counted live; a completed one (delivery receipts, replies and conversions
 * arrive for days) is counted again after its last change.
 */
const QUIET = "interval '5 minutes'";

export interface RunKey { campaign_id: string; run_no: number }

const keyOf = (campaignId: string, runNo: number) => `${campaignId}#${runNo}`;

/** The tallies still exact, in one statement (the freshness probe is one index range per run). */
export function freshTalliesStatement(runs: readonly RunKey[]): Statement {
  return {
    sql: `SELECT t.campaign_id, t.run_no, t.rows FROM campaign_run_tally t
      JOIN unnest(?::text[], ?::int[]) AS page(campaign_id, run_no) ON page.campaign_id = t.campaign_id AND page.run_no = t.run_no
      WHERE NOT EXISTS (SELECT 1 FROM campaign_recipient r
        WHERE r.campaign_id = t.campaign_id AND r.run_no = t.run_no AND r.updated_at >= t.counted_through)`,
    bindings: [runs.map((r) => r.campaign_id), runs.map((r) => r.run_no)],
  };
}

/** Recipients by status of the runs whose tally is still exact (its `status_counts`: a few numbers per run). */
export function freshStatusCountsStatement(runs: readonly RunKey[]): Statement {
  const fresh = freshTalliesStatement(runs);
  return { sql: fresh.sql.replace("SELECT t.campaign_id, t.run_no, t.rows FROM", "SELECT t.campaign_id, t.run_no, t.status_counts FROM"), bindings: fresh.bindings };
}

/** Counts the run and, when it has been quiet for QUIET, stores the rows (one statement); answers the rows either way. */
export function countAndKeepStatement(campaignId: string, runNo: number): Statement {
  const counted = analyticsStatement(campaignId, runNo);
  return {
    sql: `WITH counted AS MATERIALIZED (${counted.sql}),
      kept AS (INSERT INTO campaign_run_tally (campaign_id, run_no, rows, status_counts, counted_through, created_at, updated_at)
        SELECT ?, ?, coalesce((SELECT jsonb_agg(to_jsonb(c)) FROM counted c), '[]'::jsonb),
          coalesce((SELECT jsonb_object_agg(s.status, s.n) FROM (SELECT status, sum(n)::int AS n FROM counted
            WHERE grouping_set = ${BY_REASON} GROUP BY status) s), '{}'::jsonb),
          statement_timestamp() - ${QUIET}, now(), now()
        WHERE NOT EXISTS (SELECT 1 FROM campaign_recipient r
          WHERE r.campaign_id = ? AND r.run_no = ? AND r.updated_at >= statement_timestamp() - ${QUIET})
        ON CONFLICT (campaign_id, run_no) DO UPDATE SET rows = excluded.rows, status_counts = excluded.status_counts, counted_through = excluded.counted_through, updated_at = now())
      SELECT * FROM counted`,
    bindings: [...counted.bindings, campaignId, runNo, campaignId, runNo],
  };
}

/** Whether the run has had no recipient write for QUIET (then counting it once pays). */
export function quietRunsStatement(runs: readonly RunKey[]): Statement {
  return {
    sql: `SELECT page.campaign_id, page.run_no FROM unnest(?::text[], ?::int[]) AS page(campaign_id, run_no)
      WHERE NOT EXISTS (SELECT 1 FROM campaign_recipient r
        WHERE r.campaign_id = page.campaign_id AND r.run_no = page.run_no AND r.updated_at >= statement_timestamp() - ${QUIET})`,
    bindings: [runs.map((r) => r.campaign_id), runs.map((r) => r.run_no)],
  };
}

/** The exact tallies of these runs, keyed `<campaign_id>#<run_no>`; runs with none (or a stale one) are absent. */
export async function freshTallies(db: Sql, runs: readonly RunKey[]): Promise<Map<string, SqlRow[]>> {
  if (!runs.length) return new Map();
  const s = freshTalliesStatement(runs);
  return new Map((await rows(db, s.sql, s.bindings)).map((t) => [keyOf(String(t.campaign_id), Number(t.run_no)), t.rows as SqlRow[]]));
}

export function tallyOf(tallies: Map<string, SqlRow[]>, campaignId: string, runNo: number): SqlRow[] | undefined {
  return tallies.get(keyOf(campaignId, runNo));
}

/** The run's analytics rows: its tally when exact, else counted now (and kept when the run is quiet). */
export async function analyticsRows(db: Sql, campaignId: string, runNo: number): Promise<SqlRow[]> {
  const kept = tallyOf(await freshTallies(db, [{ campaign_id: campaignId, run_no: runNo }]), campaignId, runNo);
  if (kept) return kept;
  const s = countAndKeepStatement(campaignId, runNo);
  return rows(db, s.sql, s.bindings);
}

/**
 * Recipients by status of each run, keyed `<campaign_id>#<run_no>`, from the runs' tallies (quiet runs without one are
 * counted once now); runs still changing are absent.
 */
export async function tallyStatusCounts(db: Sql, runs: readonly RunKey[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (!runs.length) return out;
  const s = freshStatusCountsStatement(runs);
  for (const row of await rows(db, s.sql, s.bindings)) {
    const byStatus = Object.entries((row.status_counts ?? {}) as Record<string, number>).map(([status, n]): [string, number] => [status, Number(n)]);
    out.set(keyOf(String(row.campaign_id), Number(row.run_no)), new Map(byStatus));
  }
  const missing = runs.filter((r) => !out.has(keyOf(r.campaign_id, r.run_no)));
  for (const [key, tally] of await tallyQuietRuns(db, missing)) out.set(key, statusCountsOf(tally));
  return out;
}

export function countsOfRun(counts: Map<string, Map<string, number>>, campaignId: string, runNo: number): Map<string, number> | undefined {
  return counts.get(keyOf(campaignId, runNo));
}

/** Quiet runs without an exact tally get one (a run counted once per quiet spell); answers the runs now tallied. */
export async function tallyQuietRuns(db: Sql, runs: readonly RunKey[]): Promise<Map<string, SqlRow[]>> {
  const out = new Map<string, SqlRow[]>();
  if (!runs.length) return out;
  const q = quietRunsStatement(runs);
  for (const run of await rows(db, q.sql, q.bindings)) {
    const s = countAndKeepStatement(String(run.campaign_id), Number(run.run_no));
    out.set(keyOf(String(run.campaign_id), Number(run.run_no)), await rows(db, s.sql, s.bindings));
  }
  return out;
}

/** Recipients by status from a tally's rows (pure). */
export function statusCountsOf(tally: readonly SqlRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of tally) {
    if (Number(row.grouping_set) !== BY_REASON) continue;
    out.set(String(row.status), (out.get(String(row.status)) ?? 0) + Number(row.n));
  }
  return out;
}

/** Recipients of these runs (of one status, or all) from their tallies, counting quiet runs once; null when a run is still changing. */
export async function tallyCount(db: Sql, campaignId: string, runNos: readonly number[], status?: string): Promise<number | null> {
  const counts = await tallyStatusCounts(db, runNos.map((run_no) => ({ campaign_id: campaignId, run_no })));
  let n = 0;
  for (const runNo of runNos) {
    const byStatus = countsOfRun(counts, campaignId, runNo);
    if (!byStatus) return null;
    n += status ? (byStatus.get(status) ?? 0) : [...byStatus.values()].reduce((a, b) => a + b, 0);
  }
  return n;
}
