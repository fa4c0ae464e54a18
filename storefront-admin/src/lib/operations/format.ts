import { SHOP_TIME_ZONE } from "@voltura/domain";

/**
 * Words and figures of the Maintenance page and the maintenance banner. Pure (browser and server):
 * no commerce client here, only the shapes the page shows.
 */

export type BackupKindName = "daily" | "weekly" | "manual" | "pre_restore";
export type VerificationName = "unverified" | "verified" | "failed";
export type RestoreModeName = "restore" | "copy";
export type RestoreRunStatusName = "pending" | "running" | "completed" | "failed" | "rolled_back";

/** The word an owner types to confirm (the restore route refuses anything else, naming `confirmation`). */
export const CONFIRMATION_WORDS: Record<RestoreModeName, string> = { restore: "RESTORE", copy: "COPY" };

/** Shown on every staff page while maintenance mode is on. */
export const MAINTENANCE_BANNER_TEXT = "Maintenance: the shop's data is being restored; changes are paused";

/** What staff read when a change is refused because maintenance mode is on (commerce's 503 `maintenance_mode`). */
export const MAINTENANCE_REFUSAL_MESSAGE =
  "Changes are paused while the shop's data is being restored. Nothing was saved — try again in a few minutes, once the maintenance banner has gone.";

/** Disk space below this share free gets a warning (the same line commerce's `low` flag draws). */
export const LOW_DISK_RATIO = 0.15;

/** Is this commerce answer the maintenance-mode refusal? (`type` on the error or in its JSON body.) */
export function isMaintenanceRefusal(status: number, type: unknown, body?: unknown): boolean {
  if (status !== 503) return false;
  const bodyType = body && typeof body === "object" ? (body as { type?: unknown }).type : undefined;
  return type === "maintenance_mode" || bodyType === "maintenance_mode";
}

export function confirmationMatches(mode: RestoreModeName, typed: string): boolean {
  return typed === CONFIRMATION_WORDS[mode];
}

const UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** "0 B", "812 B", "1.5 KB", "23 MB", "4.2 GB" (1 KB = 1024 B); "—" when unknown. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.96 KB rounds to 1024: say 1 MB instead.
  if (rounded >= 1024 && unit < UNITS.length - 1) return `1 ${UNITS[unit + 1]}`;
  return `${rounded} ${UNITS[unit]}`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago" (future times read as "just now"). */
export function formatAge(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return "never";
  const ms = now.getTime() - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return "—";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} days ago`;
}

/** "12 % free" (whole percent, never "0 %" while something is free). */
export function formatFreeShare(ratio: number): string {
  const percent = ratio > 0 && ratio < 0.01 ? "<1" : String(Math.round(Math.min(1, Math.max(0, ratio)) * 100));
  return `${percent} % free`;
}

export function diskIsLow(ratio: number): boolean {
  return ratio < LOW_DISK_RATIO;
}

export const BACKUP_KIND_LABELS: Record<BackupKindName, string> = {
  daily: "Daily",
  weekly: "Weekly",
  manual: "Manual",
  pre_restore: "Before a restore",
};

/** Where the backup file is: "This machine", "External", "This machine + external". */
export function storageLabel(local: boolean, external: boolean): string {
  if (local && external) return "This machine + external";
  if (local) return "This machine";
  if (external) return "External";
  return "Nowhere (deleted)";
}

const shopDay = new Intl.DateTimeFormat("en-MY", { timeZone: SHOP_TIME_ZONE, day: "numeric", month: "short", year: "numeric" });
const shopMinute = new Intl.DateTimeFormat("en-MY", {
  timeZone: SHOP_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});
const shopSecond = new Intl.DateTimeFormat("en-MY", { timeZone: SHOP_TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** "7 Dec 2026, 3:00 am" in shop time; "—" when unknown. */
export const shopTime = (iso: string | null | undefined): string => (iso ? shopMinute.format(new Date(iso)) : "—");
/** "03:00:12" in shop time, for log lines. */
export const shopClock = (iso: string | null | undefined): string => (iso ? shopSecond.format(new Date(iso)) : "—");

/** The verification badge: "unverified", "verified 7 Dec 2026", "failed". */
export function verificationBadge(verification: VerificationName, verifiedAt: string | null): { text: string; tone: "muted" | "good" | "bad" } {
  if (verification === "verified") return { text: verifiedAt ? `verified ${shopDay.format(new Date(verifiedAt))}` : "verified", tone: "good" };
  if (verification === "failed") return { text: "failed", tone: "bad" };
  return { text: "unverified", tone: "muted" };
}

export const RESTORE_STATUS_LABELS: Record<RestoreRunStatusName, string> = {
  pending: "Waiting to start",
  running: "Running",
  completed: "Completed",
  failed: "Failed (nothing changed)",
  rolled_back: "Rolled back to the data from before",
};

/** Still moving: the run page keeps asking. */
export function runIsActive(status: RestoreRunStatusName): boolean {
  return status === "pending" || status === "running";
}

export const RESTORE_STEPS: Record<RestoreModeName, readonly string[]> = {
  restore: ["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"],
  copy: ["check", "restore_new_database", "verify", "neutralise_copy"],
};

export const STEP_LABELS: Record<string, string> = {
  check: "Check the backup (version and migrations)",
  maintenance_on: "Pause changes (maintenance mode) and back up the current data",
  restore_new_database: "Restore into a new database",
  verify: "Verify rows and files against the backup",
  swap: "Switch the shop over to the restored data",
  resume: "Resume: changes allowed again",
  rollback: "Roll back to the data from before",
  neutralise_copy: "Switch off messages, mail and schedules in the copy",
};

export type StepState = "done" | "current" | "failed" | "waiting" | "skipped";

/**
 * Each step of the run's plan with its state, read from the run's current step, its status and the
 * steps its log has mentioned. A step the log never reached after the run ended is "skipped".
 */
export function stepStates(run: {
  mode: RestoreModeName;
  status: RestoreRunStatusName;
  step: string | null;
  log: ReadonlyArray<{ step: string; level: "info" | "error" }>;
}): Array<{ step: string; label: string; state: StepState }> {
  const plan = RESTORE_STEPS[run.mode];
  const seen = new Set(run.log.map((l) => l.step));
  if (run.step) seen.add(run.step);
  const failedSteps = new Set(run.log.filter((l) => l.level === "error").map((l) => l.step));
  const currentIndex = run.step ? plan.indexOf(run.step) : -1;
  const reachedIndex = Math.max(currentIndex, ...plan.map((s, i) => (seen.has(s) ? i : -1)));
  return plan.map((step, i) => {
    const label = STEP_LABELS[step] ?? step;
    let state: StepState;
    if (run.status === "completed") state = "done";
    else if (failedSteps.has(step) || ((run.status === "failed" || run.status === "rolled_back") && i === reachedIndex)) state = "failed";
    else if (i < reachedIndex) state = "done";
    else if (i === reachedIndex && runIsActive(run.status)) state = "current";
    else if (runIsActive(run.status)) state = "waiting";
    else state = "skipped";
    return { step, label, state };
  });
}

/**
 * One line for an optimisation run's stored result (db-ops `OptimisationResult`): "12 tables vacuumed ·
 * 1 index rebuilt · 230 MB → 212 MB · 41 s". Unknown shapes show only what can be read.
 */
export function optimisationSummary(result: Record<string, unknown>, startedAt: string, finishedAt: string): string {
  const parts: string[] = [];
  const count = (key: string) => (Array.isArray(result[key]) ? (result[key] as unknown[]).length : null);
  const vacuumed = count("vacuumed");
  const reindexed = count("reindexed");
  if (vacuumed !== null) parts.push(`${vacuumed} table${vacuumed === 1 ? "" : "s"} vacuumed`);
  if (reindexed !== null) parts.push(`${reindexed} index${reindexed === 1 ? "" : "es"} rebuilt`);
  const before = result.databaseBytesBefore;
  const after = result.databaseBytesAfter;
  if (typeof before === "number" && typeof after === "number") parts.push(`${formatBytes(before)} → ${formatBytes(after)}`);
  const seconds = Math.round((new Date(finishedAt).getTime() - new Date(startedAt).getTime()) / 1000);
  if (Number.isFinite(seconds) && seconds >= 0) parts.push(seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);
  return parts.join(" · ");
}

/** "1,204 rows moved (pos_sale 1,004 · repair_job 200)" for an archive run's per-table counts; biggest first. */
export function archiveCountsSummary(counts: Record<string, number>): string {
  const n = new Intl.NumberFormat("en-MY");
  const entries = Object.entries(counts).filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, c]) => sum + c, 0);
  if (total === 0) return "nothing old enough to move";
  return `${n.format(total)} row${total === 1 ? "" : "s"} moved (${entries.map(([t, c]) => `${t} ${n.format(c)}`).join(" · ")})`;
}
