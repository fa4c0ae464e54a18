import { MedusaError } from "@medusajs/framework/utils";
import { rows, type Sql, type SqlRow } from "@voltura/medusa-kit";
import {
  CAMPAIGN_RECIPIENT_STATUSES,
  type Campaign,
  type CampaignAudience,
  type CampaignCloudTemplate,
  type CampaignRouting,
  type CampaignEvent,
  type CampaignSchedule,
  type CampaignStatus,
  type RecipientCounts,
} from "@voltura/contracts";
import { allowedActions } from "../../../domain/lifecycle";
import { countsOfRun, tallyStatusCounts } from "../analytics/run-tally";

/** A campaign row as stored (jsonb columns parsed by pg). */
export interface CampaignRow {
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  session_ids: string[];
  schedule: CampaignSchedule;
  needs_confirmation: boolean;
  stale_after_minutes: number;
  template_ms: string;
  template_en: string;
  fallbacks: Record<string, string>;
  media: Campaign["media"];
  audience: CampaignAudience;
  reply_window_days: number;
  conversion_window_days: number;
  routing: CampaignRouting;
  cloud_template: CampaignCloudTemplate | null;
  recent_chat_days: number;
  run_no: number;
  next_run_at: Date | null;
  start_due: number | null;
  created_by: string | null;
  launched_at: Date | null;
  completed_at: Date | null;
  stopped_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export const CAMPAIGN_COLUMNS = `id, name, description, status, session_ids, schedule, needs_confirmation, stale_after_minutes,
  template_ms, template_en, fallbacks, media, audience, reply_window_days, conversion_window_days, routing, cloud_template,
  recent_chat_days, run_no, next_run_at,
  start_due, created_by, launched_at, completed_at, stopped_reason, created_at, updated_at`;

const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** A row read with CAMPAIGN_COLUMNS as a CampaignRow. */
export function campaignRowOf(row: SqlRow): CampaignRow {
  // Its columns are the table's (pg parses jsonb and timestamps); every write went through the zod body schemas.
  return row as unknown as CampaignRow;
}

/** The campaign (not deleted), optionally locked FOR UPDATE inside a transaction; 404 when there is none. */
export async function loadCampaignRow(db: Sql, id: string, forUpdate = false): Promise<CampaignRow> {
  const [row] = await rows(db, `SELECT ${CAMPAIGN_COLUMNS} FROM campaign WHERE id = ? AND deleted_at IS NULL${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign ${id} was not found`);
  return campaignRowOf(row);
}

export function emptyCounts(): RecipientCounts {
  return { total: 0, queued: 0, sending: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0 };
}

/** Recipients by status of each (campaign, run) pair given as two arrays: an index-only walk of (campaign_id, status). */
export const RECIPIENT_COUNTS_SQL = `SELECT r.campaign_id, r.status, count(*)::int AS n
FROM unnest(?::text[], ?::int[]) AS page(campaign_id, run_no)
JOIN campaign_recipient r ON r.campaign_id = page.campaign_id AND r.run_no = page.run_no
GROUP BY r.campaign_id, r.status`;

/**
 * Recipients of each campaign's current run by status, for a page of campaigns: from the run's tally while it is exact
 * (a quiet run is counted once, see dispatch/run-tally), the runs still changing counted live in one statement.
 */
export async function countsFor(db: Sql, campaigns: readonly Pick<CampaignRow, "id" | "run_no">[]): Promise<Map<string, RecipientCounts>> {
  const result = new Map<string, RecipientCounts>(campaigns.map((c) => [c.id, emptyCounts()]));
  const runs = campaigns.filter((c) => c.run_no > 0).map((c) => ({ campaign_id: c.id, run_no: c.run_no }));
  const tallied = await tallyStatusCounts(db, runs);
  for (const run of runs) {
    const byStatus = countsOfRun(tallied, run.campaign_id, run.run_no);
    if (!byStatus) continue;
    const counts = result.get(run.campaign_id)!;
    for (const [status, n] of byStatus) {
      counts[status as (typeof CAMPAIGN_RECIPIENT_STATUSES)[number]] = n;
      counts.total += n;
    }
  }
  const withRuns = campaigns.filter((c) => c.run_no > 0 && !countsOfRun(tallied, c.id, c.run_no));
  if (!withRuns.length) return result;
  const found = await rows(db, RECIPIENT_COUNTS_SQL, [withRuns.map((c) => c.id), withRuns.map((c) => c.run_no)]);
  for (const row of found) {
    const counts = result.get(String(row.campaign_id))!;
    const status = String(row.status) as (typeof CAMPAIGN_RECIPIENT_STATUSES)[number];
    counts[status] = Number(row.n);
    counts.total += Number(row.n);
  }
  return result;
}

export function campaignAnswer(row: CampaignRow, counts: RecipientCounts): Campaign {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    session_ids: row.session_ids ?? [],
    schedule: row.schedule,
    needs_confirmation: row.needs_confirmation,
    stale_after_minutes: row.stale_after_minutes,
    template_ms: row.template_ms,
    template_en: row.template_en,
    fallbacks: row.fallbacks ?? {},
    media: row.media ?? null,
    audience: row.audience,
    reply_window_days: row.reply_window_days,
    conversion_window_days: row.conversion_window_days,
    routing: row.routing ?? "fixed",
    cloud_template: row.cloud_template ?? null,
    recent_chat_days: row.recent_chat_days ?? 30,
    run_no: row.run_no,
    next_run_at: iso(row.next_run_at),
    created_by: row.created_by,
    launched_at: iso(row.launched_at),
    completed_at: iso(row.completed_at),
    stopped_reason: row.stopped_reason,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    counts,
    allowed_actions: allowedActions(row.status, { schedule: row.schedule, needs_confirmation: row.needs_confirmation }),
  };
}

export async function campaignWithCounts(db: Sql, id: string): Promise<Campaign> {
  const row = await loadCampaignRow(db, id);
  const counts = await countsFor(db, [row]);
  return campaignAnswer(row, counts.get(row.id)!);
}

export function eventAnswer(row: SqlRow): CampaignEvent {
  return {
    id: String(row.id),
    from_status: (row.from_status as string | null) ?? null,
    to_status: String(row.to_status),
    action: String(row.action),
    actor_id: (row.actor_id as string | null) ?? null,
    actor_name: (row.actor_name as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    run_no: row.run_no == null ? null : Number(row.run_no),
    created_at: iso(row.created_at)!,
  };
}

/** The keyset cursor of a row, written by PostgreSQL to the microsecond. */
export const CURSOR_SQL = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ',' || id`;
