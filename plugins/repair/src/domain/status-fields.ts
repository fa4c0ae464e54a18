import { advanceSlaClock, type RepairStatus } from "@voltura/domain";
import { storedClock } from "./job-sla";

interface StatusFields {
  status: RepairStatus;
  sla_paused_seconds: number;
  sla_paused_since: Date | string | null;
  completed_at: Date | string | null;
  delivered_at: Date | string | null;
}
interface StatusFieldsUpdate {
  status: RepairStatus;
  sla_paused_seconds: number;
  sla_paused_since: Date | null;
  completed_at: Date | null;
  delivered_at: Date | null;
}
const toDate = (d: Date | string | null | undefined) => (d ? new Date(d) : null);

/**
 * The fields a move to `to` at `at` writes: the status, the SLA clock (paused while awaiting
 * approval or parts, stopped from Completed on), completed_at / delivered_at.
 */
export function statusChangeFields(job: StatusFields, to: RepairStatus, at: Date): StatusFieldsUpdate {
  const clock = advanceSlaClock(
    { paused_ms: Number(job.sla_paused_seconds ?? 0) * 1000, paused_since: toDate(job.sla_paused_since) },
    job.status,
    to,
    at,
  );
  return {
    status: to,
    ...storedClock(clock),
    // Reopened (Completed → In Progress): no longer completed; completing again sets it anew.
    completed_at: to === "completed" ? at : to === "in_progress" ? null : toDate(job.completed_at),
    delivered_at: to === "delivered" ? at : toDate(job.delivered_at),
  };
}
