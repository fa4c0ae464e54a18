import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { LIVE_EVENTS } from "@voltura/domain";
import { rows, sqlConnection, type SqlTransaction } from "@voltura/medusa-kit";
import type { CampaignAction } from "@voltura/contracts";
import { audienceCandidatesSql, frozenRunCandidatesSql, listCandidatesSql, type SqlStatement } from "../../../domain/audience-sql";
import { freezeRecipientsSql } from "../../../domain/freeze-sql";
import { decideTransition, type LifecycleAction } from "../../../domain/lifecycle";
import { firstRunAt, nextRunAt } from "../../../domain/schedule";
import { loadCampaignRow, type CampaignRow } from "./campaign-read";
import { CampaignRefusal } from "./refusal";
import { announceCampaign } from "./live";
import { campaignSenderIds } from "../../../domain/routing";
import { launchRoutingPlan } from "./routing-check";
import { startDueRun, stopPacers, wakePacers } from "./run-starter";

export interface Actor {
  id: string | null;
  name: string | null;
}

export interface ActionOptions {
  reason?: string | null;
  /** confirm only. */
  fire?: boolean;
  /** The clock (tests; the schedule sweep passes its own). */
  now?: Date;
  shopName: string;
}

export interface ActionResult {
  before: CampaignRow;
  after: CampaignRow;
  /** The run frozen by this action (launch / confirm fire), with its recipients by status. */
  run: { run_no: number; counts: Record<string, number> } | null;
}

async function insertEvent(trx: SqlTransaction, row: CampaignRow, to: string, action: string, actor: Actor, reason: string | null, runNo: number | null) {
  await trx.raw(
    `INSERT INTO campaign_event (id, campaign_id, from_status, to_status, action, actor_id, actor_name, reason, run_no, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())`,
    [generateEntityId(undefined, "cevt"), row.id, row.status, to, action, actor.id, actor.name, reason, runNo],
  );
}

/** The candidates of the next run: the imported list, the first run's people (frozen audience), or the filter now. */
function candidatesFor(row: CampaignRow, runNo: number, now: Date): SqlStatement {
  if (row.audience.mode === "list") return listCandidatesSql(row.id);
  if (runNo > 1 && row.audience.freeze_at_launch) return frozenRunCandidatesSql(row.id, 1);
  return audienceCandidatesSql(row.audience.filter, now);
}

/**
 * One lifecycle action, in ONE transaction: the campaign row locked, the move checked against the table,
 * and for a launch every recipient row of the new run frozen (INSERT … SELECT), run_no bumped and the
 * Temporal start recorded as due (`start_due`), with the campaign_event row. After the commit the start is
 * attempted once; the recovery job retries what is still due.
 */
export async function applyCampaignAction(
  container: MedusaContainer,
  campaignId: string,
  action: LifecycleAction,
  actor: Actor,
  options: ActionOptions,
): Promise<ActionResult> {
  const now = options.now ?? new Date();
  const db = sqlConnection(container);
  const result = await db.transaction(async (trx) => {
    const before = await loadCampaignRow(trx, campaignId, true);
    const verdict = decideTransition(before.status, action, { schedule: before.schedule, needs_confirmation: before.needs_confirmation, fire: options.fire });
    if (!verdict.ok) throw new CampaignRefusal(409, verdict.code, verdict.message, { status: before.status, allowed: verdict.allowed });
    let run: ActionResult["run"] = null;
    const sets: string[] = ["status = ?", "updated_at = now()"];
    const bindings: unknown[] = [verdict.to];
    if (verdict.starts_run) {
      const plan = await launchRoutingPlan(trx, before);
      const runNo = before.run_no + 1;
      const freeze = freezeRecipientsSql(candidatesFor(before, runNo, now), {
        campaignId: before.id, runNo, plan, recentChatDays: before.recent_chat_days ?? 30, now, shopName: options.shopName,
      });
      await trx.raw(freeze.sql, freeze.bindings);
      const counted = await rows(trx, `SELECT status, count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ? AND run_no = ? GROUP BY status`, [before.id, runNo]);
      run = { run_no: runNo, counts: Object.fromEntries(counted.map((r) => [String(r.status), Number(r.n)])) };
      const next = before.schedule.kind === "recurring" ? nextRunAt(before.schedule, now) : null;
      sets.push("run_no = ?", "start_due = ?", "launched_at = ?", "needs_confirmation = false", "next_run_at = ?", "completed_at = NULL", "stopped_reason = NULL");
      bindings.push(runNo, runNo, now, next);
    }
    if (action === "schedule") {
      if (before.schedule.kind === "at" && new Date(before.schedule.at).getTime() <= now.getTime()) {
        throw new CampaignRefusal(400, "invalid_data", "Invalid request: schedule.at: the time has already passed (choose a later one, or launch now)");
      }
      sets.push("next_run_at = ?", "needs_confirmation = false");
      bindings.push(firstRunAt(before.schedule, now));
    }
    if (action === "confirm" && !options.fire) {
      sets.push("needs_confirmation = false", "next_run_at = ?");
      bindings.push(before.schedule.kind === "recurring" ? nextRunAt(before.schedule, now) : null);
    }
    if (action === "cancel") {
      sets.push("stopped_reason = ?", "next_run_at = NULL", "start_due = NULL", "completed_at = ?");
      bindings.push(options.reason ?? "cancelled", now);
    }
    if (action === "complete" && verdict.to === "completed") {
      sets.push("completed_at = ?", "next_run_at = NULL");
      bindings.push(now);
    }
    if (action === "complete" && verdict.to === "scheduled") {
      sets.push("next_run_at = ?");
      bindings.push(nextRunAt(before.schedule, now));
    }
    if (action === "cancel" && before.run_no > 0) {
      // Nothing more goes out for this run; a send already handed to the gateway finishes as it stands.
      await trx.raw(`UPDATE campaign_recipient SET status = 'skipped', reason = 'campaign_cancelled', updated_at = now()
        WHERE campaign_id = ? AND run_no = ? AND status = 'queued'`, [before.id, before.run_no]);
    }
    await trx.raw(`UPDATE campaign SET ${sets.join(", ")} WHERE id = ?`, [...bindings, before.id]);
    await insertEvent(trx, before, verdict.to, action, actor, options.reason ?? null, run?.run_no ?? (before.run_no || null));
    const after = await loadCampaignRow(trx, campaignId);
    return { before, after, run };
  });
  await announceCampaign(container, LIVE_EVENTS.campaignStatusChanged, { id: campaignId, from: result.before.status, to: result.after.status, actor_id: actor.id });
  if (result.run) await startDueRun(container, campaignId).catch(() => undefined);
  if (action === "resume") await wakePacers(container, campaignSenderIds(result.after)).catch(() => undefined);
  if (action === "pause" || action === "cancel") await stopPacers(container, campaignSenderIds(result.after), `campaign ${action}`);
  return result;
}

/** The staff actions (routes); "complete" is the dispatcher's. */
export type StaffCampaignAction = CampaignAction;
