import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { isStaleSchedule } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { applyCampaignAction } from "./lifecycle-commit";
import { CampaignRefusal } from "./refusal";
import { shopNameOf } from "./shop";

export const SCHEDULE_ACTOR = { id: null, name: "schedule" } as const;

async function holdForConfirmation(db: ReturnType<typeof sqlConnection>, id: string, reason: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const [marked] = await rows(trx, `UPDATE campaign SET needs_confirmation = true, updated_at = now()
      WHERE id = ? AND status = 'scheduled' AND needs_confirmation = false RETURNING id`, [id]);
    if (!marked) return false;
    await trx.raw(`INSERT INTO campaign_event (id, campaign_id, from_status, to_status, action, actor_id, actor_name, reason, created_at, updated_at)
      VALUES (?, ?, 'scheduled', 'scheduled', 'missed', NULL, ?, ?, now(), now())`, [generateEntityId(undefined, "cevt"), id, SCHEDULE_ACTOR.name, reason]);
    return true;
  });
}

/**
 * Fires scheduled campaigns whose time has come. One missed by more than its stale_after_minutes (the
 * server was off) is not fired late: it is marked needs_confirmation for a person to fire or skip.
 */
export async function sweepSchedules(container: MedusaContainer, now: Date = new Date()): Promise<{ fired: string[]; missed: string[] }> {
  const db = sqlConnection(container);
  const due = await rows(db, `SELECT id, next_run_at, stale_after_minutes FROM campaign
    WHERE status = 'scheduled' AND deleted_at IS NULL AND needs_confirmation = false AND next_run_at <= ? ORDER BY next_run_at LIMIT 50`, [now]);
  const fired: string[] = [];
  const missed: string[] = [];
  const shopName = due.length ? await shopNameOf(container) : "";
  for (const row of due) {
    const id = String(row.id);
    const at = new Date(row.next_run_at as string | Date);
    if (isStaleSchedule(at, now, Number(row.stale_after_minutes))) {
      const why = `missed the firing of ${at.toISOString()} by more than ${row.stale_after_minutes} minutes; waiting for confirmation`;
      if (await holdForConfirmation(db, id, why)) missed.push(id);
      continue;
    }
    try {
      await applyCampaignAction(container, id, "launch", SCHEDULE_ACTOR, { now, shopName, reason: `scheduled for ${at.toISOString()}` });
      fired.push(id);
    } catch (err) {
      if (!(err instanceof CampaignRefusal)) throw err;
      // 409: another instance fired it first. 400: it cannot launch (no sender, no text): a person must fix and confirm it.
      if (err.status === 400) await holdForConfirmation(db, id, err.message);
    }
  }
  return { fired, missed };
}
