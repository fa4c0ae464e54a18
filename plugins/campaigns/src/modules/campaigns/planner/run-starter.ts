import type { MedusaContainer } from "@medusajs/framework/types";
import { CAMPAIGN_PACER, CAMPAIGN_RUN, TASK_QUEUES } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { campaignSenderIds } from "../../../domain/routing";

/** What the planner needs of the platform plugin's `temporal` module. */
export interface TemporalStarter {
  start(opts: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[] }): Promise<unknown>;
  signalWithStart(opts: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[]; signal: string; signalArgs: unknown[] }): Promise<void>;
  signalIfRunning(workflowId: string, signal: string, args: unknown[]): Promise<boolean>;
}
export const TEMPORAL_MODULE_KEY = "temporal";

/**
 * Starts the Temporal run recorded as due on the campaign (`start_due` = run_no), then clears it. An already
 * started workflow counts as done (same id), so the request, a retry and the recovery job may all try.
 */
export async function startDueRun(container: MedusaContainer, campaignId: string): Promise<boolean> {
  const db = sqlConnection(container);
  const [due] = await rows(db, `SELECT id, start_due, session_ids, cloud_template FROM campaign WHERE id = ? AND start_due IS NOT NULL AND deleted_at IS NULL`, [campaignId]);
  if (!due) return false;
  const runNo = Number(due.start_due);
  const sessionIds = campaignSenderIds(due as { session_ids: string[] | null; cloud_template: { session_id: string } | null });
  const temporal = container.resolve<TemporalStarter>(TEMPORAL_MODULE_KEY);
  await temporal.start({
    workflowType: CAMPAIGN_RUN.workflowType,
    workflowId: CAMPAIGN_RUN.workflowId(campaignId, runNo),
    taskQueue: TASK_QUEUES.repair,
    args: [{ campaignId, runNo, sessionIds }],
  });
  await db.raw(`UPDATE campaign SET start_due = NULL WHERE id = ? AND start_due = ?`, [campaignId, runNo]);
  return true;
}

/** Every run whose start is still due (a crash or Temporal down after the launch committed). */
export async function recoverDueStarts(container: MedusaContainer): Promise<{ started: number; failed: number }> {
  const due = await rows(sqlConnection(container), `SELECT id FROM campaign WHERE start_due IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 100`);
  let started = 0;
  let failed = 0;
  for (const row of due) {
    try {
      if (await startDueRun(container, String(row.id))) started += 1;
    } catch {
      failed += 1;
    }
  }
  return { started, failed };
}

/** Wakes (or starts) the pacer of each number, so a resumed campaign is picked up at once. */
export async function wakePacers(container: MedusaContainer, sessionIds: readonly string[]): Promise<void> {
  const temporal = container.resolve<TemporalStarter>(TEMPORAL_MODULE_KEY);
  for (const sessionId of sessionIds) {
    await temporal.signalWithStart({
      workflowType: CAMPAIGN_PACER.workflowType,
      workflowId: CAMPAIGN_PACER.workflowId(sessionId),
      taskQueue: TASK_QUEUES.repair,
      args: [{ sessionId }],
      signal: CAMPAIGN_PACER.signals.wake,
      signalArgs: [{ reason: "campaign resumed" }],
    });
  }
}

/**
 * Tells the running pacers of these numbers to drop a send still in its typing pause. The gate refuses every
 * claim from the moment the stop commits; this closes the few seconds between a claim and its send.
 */
export async function stopPacers(container: MedusaContainer, sessionIds: readonly string[], reason: string): Promise<void> {
  const temporal = container.resolve<TemporalStarter>(TEMPORAL_MODULE_KEY);
  await Promise.all(sessionIds.map((sessionId) =>
    temporal.signalIfRunning(CAMPAIGN_PACER.workflowId(sessionId), CAMPAIGN_PACER.signals.stop, [{ reason }]).catch(() => false)));
}
