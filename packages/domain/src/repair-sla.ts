import type { RepairStatus } from "./repair-status.js";

/**
 * The repair SLA clock.
 *
 * A job promises a turnaround of `sla_hours[priority]` from `received_at`; that gives the base due
 * time (`slaDueAt`, recomputed from `received_at` when the priority changes). The clock only runs
 * while the shop can work on the job:
 *
 * - running: Pending, In Progress;
 * - paused: Awaiting Approval (waiting for the customer), Awaiting Parts (waiting for a supplier):
 *   the due time moves forward by the time spent here;
 * - stopped: Completed (the work is done; waiting for pickup is the customer's time), Delivered,
 *   Cancelled, Returned Unrepaired: the remaining time is frozen at the moment the clock stopped.
 *   Reopening a Completed job (back to In Progress) restarts the clock without counting the stop.
 *
 * A job stores its base due time plus two numbers: `paused_ms`, the time already spent with the
 * clock not running, and `paused_since`, when the current pause or stop began (null while running).
 * Then effective due = base due + paused_ms (+ the current pause, which keeps moving it), and
 * the job is breached when its effective due time is strictly before `paused_since ?? now`.
 */
export type SlaClockState = "running" | "paused" | "stopped";

const CLOCK: Record<RepairStatus, SlaClockState> = {
  pending: "running",
  in_progress: "running",
  awaiting_approval: "paused",
  awaiting_parts: "paused",
  completed: "stopped",
  delivered: "stopped",
  cancelled: "stopped",
  returned_unrepaired: "stopped",
};

export const SLA_RUNNING_STATUSES = (Object.keys(CLOCK) as RepairStatus[]).filter((s) => CLOCK[s] === "running");
export const SLA_PAUSED_STATUSES = (Object.keys(CLOCK) as RepairStatus[]).filter((s) => CLOCK[s] === "paused");
export const SLA_STOPPED_STATUSES = (Object.keys(CLOCK) as RepairStatus[]).filter((s) => CLOCK[s] === "stopped");

export function slaClockState(status: RepairStatus): SlaClockState {
  return CLOCK[status];
}

/** The stored part of a job's clock. */
export interface SlaClock {
  paused_ms: number;
  paused_since: Date | null;
}

type Instant = Date | string;
const ms = (at: Instant) => (typeof at === "string" ? new Date(at) : at).getTime();

/**
 * The clock after a status change at `at`: leaving a pause or stop for a running status adds the
 * pause to `paused_ms`; entering a pause or stop from a running status starts one. Moving between
 * two non-running statuses (Awaiting Parts → Cancelled) keeps the pause that is already going.
 */
export function advanceSlaClock(clock: SlaClock, from: RepairStatus, to: RepairStatus, at: Date): SlaClock {
  const wasRunning = CLOCK[from] === "running";
  const runs = CLOCK[to] === "running";
  if (wasRunning === runs) {
    // A non-running job without a recorded start (data from before the clock existed) pauses from now.
    return !runs && !clock.paused_since ? { paused_ms: clock.paused_ms, paused_since: at } : clock;
  }
  if (runs) {
    const since = clock.paused_since ? clock.paused_since.getTime() : at.getTime();
    return { paused_ms: clock.paused_ms + Math.max(0, at.getTime() - since), paused_since: null };
  }
  return { paused_ms: clock.paused_ms, paused_since: at };
}

export interface SlaInput {
  /** Base due time: received_at + sla_hours[priority]. */
  due_at: Instant;
  paused_ms: number;
  paused_since: Instant | null;
  status: RepairStatus;
}

export interface SlaView {
  /** When the job is due, pauses included (while paused it moves forward with the clock). */
  due_at: Date;
  /** Time left: negative when overdue. Frozen while paused or stopped. */
  remaining_ms: number;
  breached: boolean;
  state: SlaClockState;
}

/** The SLA of a job as of `now`. */
export function slaView(input: SlaInput, now: Date): SlaView {
  const state = CLOCK[input.status];
  const due = ms(input.due_at) + input.paused_ms;
  // Where the clock stands: now while running; the start of the pause or stop otherwise.
  const clockAt = state === "running" || input.paused_since === null ? now.getTime() : ms(input.paused_since);
  const remaining = due - clockAt;
  const dueAt = state === "paused" ? due + (now.getTime() - clockAt) : due;
  return { due_at: new Date(dueAt), remaining_ms: remaining, breached: remaining < 0, state };
}

export function slaRemainingMs(input: SlaInput, now: Date): number {
  return slaView(input, now).remaining_ms;
}

/** Past due: strictly after the effective due time (exactly on time is not a breach). */
export function isSlaBreached(input: SlaInput, now: Date): boolean {
  return slaView(input, now).breached;
}
