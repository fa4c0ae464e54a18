import type { RepairLifecycleInput, StatusChange } from "@voltura/domain";

/**
 * What a committed write of a job still has to do outside the database, in order. Stored on the
 * job (`repair_job.outbox`) in the same transaction as the write, removed one by one once done.
 * Every effect can run again without doing its work twice.
 */
export type JobEffect =
  /** The `repairJobCreated` hook (crm: profile, device, device ↔ job link); runs inside the intake workflow. */
  | { id: string; kind: "crm_intake" }
  /** Temporal `job-<number>`; an already started workflow counts as done. */
  | { id: string; kind: "lifecycle_start"; workflow_id: string; input: RepairLifecycleInput }
  /** signal-with-start `statusChanged`; the workflow ignores a change it has seen. */
  | { id: string; kind: "lifecycle_signal"; workflow_id: string; input: RepairLifecycleInput; change: StatusChange }
  /**
   * A follow-up flow started with the settings of the moment (pickup reminders on Completed, the quote's
   * WhatsApp confirmation on send); `pickedUp` / `jobReopened` and the quote flow's `counterDecision`
   * are signals to a flow that may have ended.
   */
  | { id: string; kind: "flow_start"; workflow_type: string; workflow_id: string; input: unknown }
  | { id: string; kind: "signal_if_running"; workflow_id: string; signal: string; args: unknown[] }
  /** The Medusa order that carries a repair invoice, and the invoice ↔ order link. */
  | { id: string; kind: "invoice_order"; invoice_id: string; completed_by: string }
  /** Pickup payments mirrored on the invoice's Medusa order as transactions (one per payment, by reference). */
  | { id: string; kind: "order_payments"; invoice_id: string; payments: Array<{ id: string; amount_sen: number }> }
  | { id: string; kind: "event"; name: string; data: Record<string, unknown> };

/** Every effect but the intake's CRM hook: what the plain runner does. */
export type RunnableEffect = Exclude<JobEffect, { kind: "crm_intake" }>;

/** How long whoever works on a job's outbox holds it; each effect is short and renews it. */
export const JOB_LEASE_MS = 30_000;

export function leaseFree(leaseUntil: Date | string | null, now: Date): boolean {
  return !leaseUntil || new Date(leaseUntil).getTime() <= now.getTime();
}

export type IntakeRetryDecision = "reused" | "replay" | "finish";

/**
 * A second intake with a key already on a job: another body is refused; the same body is answered
 * with that job, after finishing its outbox when something is still due and nobody holds it.
 */
export function decideIntakeRetry(row: { same_body: boolean; effects_due: number; lease_until: Date | string | null }, now: Date): IntakeRetryDecision {
  if (!row.same_body) return "reused";
  return row.effects_due > 0 && leaseFree(row.lease_until, now) ? "finish" : "replay";
}

/**
 * The next effect the plain runner may do: none when the outbox is empty or starts with the CRM
 * hook, which only the intake workflow runs (effects keep their order: the hook before the start).
 */
export function nextRunnableEffect(outbox: readonly JobEffect[]): RunnableEffect | "needs_intake_hook" | null {
  const first = outbox[0];
  if (!first) return null;
  return first.kind === "crm_intake" ? "needs_intake_hook" : first;
}
