import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { REPAIR_LIFECYCLE, TASK_QUEUES } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { ensureInvoiceOrder } from "./invoice-order-effect";
import { ensureOrderPayments } from "./pickup-commit";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter } from "../../modules/repair/types";
import { JOB_LEASE_MS, nextRunnableEffect, type JobEffect, type RunnableEffect } from "../../domain/job-outbox";

/**
 * Takes the lease on a job's outbox if something is due and nobody holds it (or its holder's lease
 * ran out), so of two instances (or a request, a retry and the recovery) one works on it at a time.
 */
export async function takeJobLease(container: MedusaContainer, jobId: string): Promise<boolean> {
  const taken = await rows(sqlConnection(container),
    `UPDATE repair_job SET lease_until = now() + ?::int * interval '1 millisecond'
      WHERE id = ? AND deleted_at IS NULL AND outbox <> '[]'::jsonb AND (lease_until IS NULL OR lease_until <= now()) RETURNING id`,
    [JOB_LEASE_MS, jobId]);
  return taken.length > 0;
}

export async function loadOutbox(container: MedusaContainer, jobId: string): Promise<JobEffect[]> {
  const [row] = await rows(sqlConnection(container), `SELECT outbox FROM repair_job WHERE id = ?`, [jobId]);
  return ((row?.outbox as JobEffect[] | undefined) ?? []);
}

/** Removes a done effect (by id, so effects appended meanwhile stay) and renews the lease for the next one. */
export async function markEffectDone(container: MedusaContainer, jobId: string, effectId: string): Promise<void> {
  await sqlConnection(container).raw(
    `UPDATE repair_job SET outbox = COALESCE((SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(outbox) WITH ORDINALITY AS t(e, n) WHERE e->>'id' <> ?), '[]'::jsonb),
       lease_until = now() + ?::int * interval '1 millisecond' WHERE id = ?`,
    [effectId, JOB_LEASE_MS, jobId]);
}

/** Lets go of the lease only when nothing is due; false when a write appended effects meanwhile. */
async function releaseIfEmpty(container: MedusaContainer, jobId: string): Promise<boolean> {
  const released = await rows(sqlConnection(container),
    `UPDATE repair_job SET lease_until = NULL WHERE id = ? AND outbox = '[]'::jsonb RETURNING id`, [jobId]);
  return released.length > 0;
}

async function runEffect(container: MedusaContainer, effect: RunnableEffect): Promise<void> {
  const temporal = container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY);
  switch (effect.kind) {
    case "lifecycle_start":
      await temporal.start({ workflowType: REPAIR_LIFECYCLE.workflowType, workflowId: effect.workflow_id, taskQueue: TASK_QUEUES.repair, args: [effect.input] });
      return;
    case "lifecycle_signal":
      await temporal.signalWithStart({
        workflowType: REPAIR_LIFECYCLE.workflowType, workflowId: effect.workflow_id, taskQueue: TASK_QUEUES.repair,
        args: [effect.input], signal: REPAIR_LIFECYCLE.signal, signalArgs: [effect.change],
      });
      return;
    case "flow_start":
      await temporal.start({ workflowType: effect.workflow_type, workflowId: effect.workflow_id, taskQueue: TASK_QUEUES.repair, args: [effect.input] });
      return;
    case "signal_if_running":
      await temporal.signalIfRunning(effect.workflow_id, effect.signal, effect.args);
      return;
    case "invoice_order":
      await ensureInvoiceOrder(container, effect.invoice_id, effect.completed_by);
      return;
    case "order_payments":
      await ensureOrderPayments(container, effect.invoice_id, effect.payments);
      return;
    case "event":
      await container.resolve(Modules.EVENT_BUS).emit({ name: effect.name, data: effect.data });
      return;
  }
}

/**
 * Runs a job's due effects in order while the caller holds the lease, and lets it go when none is
 * left. Stops (leaving the rest due) at the intake's CRM hook, which only the intake workflow runs:
 * the answer says so. A failing effect throws and stays due for a retry or the recovery.
 */
export async function runJobEffects(container: MedusaContainer, jobId: string): Promise<"done" | "needs_intake_hook"> {
  for (;;) {
    const next = nextRunnableEffect(await loadOutbox(container, jobId));
    if (next === "needs_intake_hook") return next;
    if (next === null) {
      if (await releaseIfEmpty(container, jobId)) return "done";
      continue;
    }
    await runEffect(container, next);
    await markEffectDone(container, jobId, next.id);
  }
}

/** The effects right after a commit; a failure leaves them to a retry or the recovery job. */
export async function tryJobEffects(container: MedusaContainer, jobId: string): Promise<void> {
  try {
    await runJobEffects(container, jobId);
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Repair job ${jobId} committed; its remaining effects will be finished by recovery: ${(err as Error).message}`);
  }
}
