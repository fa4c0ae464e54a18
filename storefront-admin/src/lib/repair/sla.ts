import { m } from "$lib/paraglide/messages.js";

/** The SLA of a job as commerce sends it: when it is due, how long is left (negative once overdue). */
export interface SlaSnapshot {
  due_at: string;
  remaining_ms: number;
  breached: boolean;
  /** running: Pending / In Progress; paused: Awaiting Approval / Parts; stopped: finished. */
  state: "running" | "paused" | "stopped";
}
export type SlaState = SlaSnapshot["state"];

export type SlaTone = "ok" | "soon" | "overdue" | "paused" | "done";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Under this much time left the chip turns amber. */
export const SLA_SOON_MS = 2 * HOUR;

/** "3d 4h", "2h 15m", "45m" (whole minutes, rounded down; never "0h"). */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, Math.abs(ms));
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const d = m.job_unit_day({ n: days });
  const h = m.job_unit_hour({ n: hours });
  if (days > 0) return hours ? `${d} ${h}` : d;
  if (hours > 0) return minutes ? `${h} ${m.job_unit_minute({ n: minutes })}` : h;
  return m.job_unit_minute({ n: minutes });
}

/** How long overdue, coarse on purpose: "25m", "3h", "2d 3h". */
function lateBy(ms: number): string {
  const late = Math.abs(ms);
  if (late < HOUR) return m.job_unit_minute({ n: Math.max(1, Math.floor(late / MINUTE)) });
  if (late < DAY) return m.job_unit_hour({ n: Math.floor(late / HOUR) });
  return formatDuration(late);
}

/**
 * What the SLA chip says: "2h 15m left", "Due now", "Overdue 3h"; with a paused clock
 * "Paused · 2h 15m left" (the time left when work resumes); once stopped (finished),
 * "On time" or "Late 3h".
 */
export function slaText(remainingMs: number, state: SlaState = "running"): string {
  if (state === "stopped") return remainingMs < 0 ? m.job_sla_late({ time: lateBy(remainingMs) }) : m.job_sla_on_time();
  const body =
    remainingMs < 0 ? m.job_sla_overdue({ time: lateBy(remainingMs) }) : remainingMs < MINUTE ? m.job_sla_due_now() : m.job_sla_left({ time: formatDuration(remainingMs) });
  return state === "paused" ? m.job_sla_paused({ text: body }) : body;
}

export function slaTone(remainingMs: number, state: SlaState = "running"): SlaTone {
  if (remainingMs < 0) return "overdue";
  if (state === "paused") return "paused";
  if (state === "stopped") return "done";
  return remainingMs < SLA_SOON_MS ? "soon" : "ok";
}

/** Time left at `now`, from the due time (the live countdown). */
export function remainingAt(dueAt: string | Date, now: number = Date.now()): number {
  const due = typeof dueAt === "string" ? Date.parse(dueAt) : dueAt.getTime();
  return due - now;
}

/** Sorts jobs most urgent first: overdue the longest, then least time left; jobs without an SLA last. */
export function compareBySla(a: { sla: SlaSnapshot | null }, b: { sla: SlaSnapshot | null }): number {
  if (!a.sla && !b.sla) return 0;
  if (!a.sla) return 1;
  if (!b.sla) return -1;
  return a.sla.remaining_ms - b.sla.remaining_ms;
}
