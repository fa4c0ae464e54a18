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
  if (days > 0) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes ? `${hours}h ${minutes}m` : `${hours}h`;
  return `${minutes}m`;
}

/** How long overdue, coarse on purpose: "Overdue 25m", "Overdue 3h", "Overdue 2d 3h". */
function overdueText(ms: number): string {
  const late = Math.abs(ms);
  if (late < HOUR) return `Overdue ${Math.max(1, Math.floor(late / MINUTE))}m`;
  if (late < DAY) return `Overdue ${Math.floor(late / HOUR)}h`;
  return `Overdue ${formatDuration(late)}`;
}

/**
 * What the SLA chip says: "2h 15m left", "Due now", "Overdue 3h"; with a paused clock
 * "Paused · 2h 15m left" (the time left when work resumes); once stopped (finished),
 * "On time" or "Late 3h".
 */
export function slaText(remainingMs: number, state: SlaState = "running"): string {
  if (state === "stopped") return remainingMs < 0 ? overdueText(remainingMs).replace("Overdue", "Late") : "On time";
  const body = remainingMs < 0 ? overdueText(remainingMs) : remainingMs < MINUTE ? "Due now" : `${formatDuration(remainingMs)} left`;
  return state === "paused" ? `Paused · ${body}` : body;
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
