import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { createRepairJobWorkflow } from "../create-repair-job";
import { runJobEffects, takeJobLease } from "./job-effects";

export interface RepairRecoveryReport {
  finished: string[];
  failed: Array<{ job_id: string; error: string }>;
}

/**
 * Finishes a committed job's outbox; the caller holds its lease. An intake whose CRM hook is still
 * due runs through the intake workflow again (`finish_job_id`), which runs the hook and the rest.
 */
export async function finishRepairJob(container: MedusaContainer, jobId: string): Promise<void> {
  const state = await runJobEffects(container, jobId);
  if (state === "needs_intake_hook") await createRepairJobWorkflow(container).run({ input: { finish_job_id: jobId } });
}

/**
 * Finishes every job whose outbox a crash (or an unreachable Temporal) left with effects due and
 * nobody holding it: intake's CRM hook, Temporal start / signals, pickup reminders, the invoice
 * order, events. Each job is taken under its lease, so several instances may run this at once.
 * Runs at start-up and every minute (job `repair-job-recovery`).
 */
export async function recoverRepairJobs(container: MedusaContainer, limit = 200): Promise<RepairRecoveryReport> {
  const report: RepairRecoveryReport = { finished: [], failed: [] };
  const due = await rows(sqlConnection(container),
    `SELECT id FROM repair_job WHERE outbox <> '[]'::jsonb AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until <= now())
      ORDER BY created_at LIMIT ?`, [limit]);
  for (const { id } of due) {
    const jobId = String(id);
    try {
      if (!(await takeJobLease(container, jobId))) continue;
      await finishRepairJob(container, jobId);
      report.finished.push(jobId);
    } catch (err) {
      report.failed.push({ job_id: jobId, error: (err as Error).message });
    }
  }
  if (report.finished.length || report.failed.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Repair job recovery: ${report.finished.length} finished, ${report.failed.length} failed`);
  }
  return report;
}
