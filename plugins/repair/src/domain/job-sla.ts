import { slaView, type RepairStatus } from "@voltura/domain";
import type { RepairJobSla } from "@voltura/contracts";

interface SlaFields {
  status: RepairStatus;
  sla_due_at: Date | string;
  sla_paused_seconds?: number | null;
  sla_paused_since?: Date | string | null;
}

/** The SLA as the API shows it, computed at read time. */
export function jobSla(job: SlaFields, now: Date): RepairJobSla {
  const view = slaView(
    { due_at: job.sla_due_at, paused_ms: Number(job.sla_paused_seconds ?? 0) * 1000, paused_since: job.sla_paused_since ?? null, status: job.status },
    now,
  );
  return { due_at: view.due_at.toISOString(), remaining_ms: view.remaining_ms, breached: view.breached, state: view.state };
}

/** The clock's stored fields from the domain's ms-based clock (whole seconds, see the model). */
export function storedClock(clock: { paused_ms: number; paused_since: Date | null }): { sla_paused_seconds: number; sla_paused_since: Date | null } {
  return { sla_paused_seconds: Math.round(clock.paused_ms / 1000), sla_paused_since: clock.paused_since };
}
