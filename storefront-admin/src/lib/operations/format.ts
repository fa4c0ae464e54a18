import { SHOP_TIME_ZONE } from "@voltura/domain";
import { formatDate, formatDateTime, formatNumber } from "$lib/i18n/format";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";

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
export const maintenanceBannerText = (): string => m.operations_banner_text();

/** What staff read when a change is refused because maintenance mode is on (commerce's 503 `maintenance_mode`). */
export const maintenanceRefusalMessage = (): string => m.operations_refusal_message();

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
  if (!iso) return m.operations_age_never();
  const ms = now.getTime() - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return "—";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return m.operations_age_just_now();
  if (minutes < 60) return m.operations_age_minutes({ count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return m.operations_age_hours({ count: hours });
  const days = Math.floor(hours / 24);
  return m.operations_age_days({ count: days });
}

/** "12 % free" (whole percent, never "0 %" while something is free). */
export function formatFreeShare(ratio: number): string {
  const percent = ratio > 0 && ratio < 0.01 ? "<1" : String(Math.round(Math.min(1, Math.max(0, ratio)) * 100));
  return m.operations_free_share({ percent });
}

export function diskIsLow(ratio: number): boolean {
  return ratio < LOW_DISK_RATIO;
}

export const BACKUP_KIND_LABELS = labelsByCode<BackupKindName>({
  daily: m.operations_kind_daily,
  weekly: m.operations_kind_weekly,
  manual: m.operations_kind_manual,
  pre_restore: m.operations_kind_pre_restore,
});

/** Where the backup file is: "This machine", "External", "This machine + external". */
export function storageLabel(local: boolean, external: boolean): string {
  if (local && external) return m.operations_storage_both();
  if (local) return m.operations_storage_local();
  if (external) return m.operations_storage_external();
  return m.operations_storage_none();
}

const shopSecond = new Intl.DateTimeFormat("en-MY", { timeZone: SHOP_TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** "7 Dec 2026, 3:00 am" in shop time; "—" when unknown. */
export const shopTime = (iso: string | null | undefined): string => formatDateTime(iso);
/** "03:00:12" in shop time, for log lines. */
export const shopClock = (iso: string | null | undefined): string => (iso ? shopSecond.format(new Date(iso)) : "—");

/** The verification badge: "unverified", "verified 7 Dec 2026", "failed". */
export function verificationBadge(verification: VerificationName, verifiedAt: string | null): { text: string; tone: "muted" | "good" | "bad" } {
  if (verification === "verified") return { text: verifiedAt ? m.operations_verified_on({ date: formatDate(verifiedAt) }) : m.operations_verified(), tone: "good" };
  if (verification === "failed") return { text: m.operations_verify_failed(), tone: "bad" };
  return { text: m.operations_unverified(), tone: "muted" };
}

export const RESTORE_STATUS_LABELS = labelsByCode<RestoreRunStatusName>({
  pending: m.operations_run_pending,
  running: m.operations_run_running,
  completed: m.operations_run_completed,
  failed: m.operations_run_failed,
  rolled_back: m.operations_run_rolled_back,
});

/** Still moving: the run page keeps asking. */
export function runIsActive(status: RestoreRunStatusName): boolean {
  return status === "pending" || status === "running";
}

export const RESTORE_STEPS: Record<RestoreModeName, readonly string[]> = {
  restore: ["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"],
  copy: ["check", "restore_new_database", "verify", "neutralise_copy"],
};

export const STEP_LABELS: Readonly<Record<string, string>> = labelsByCode({
  check: m.operations_step_check,
  maintenance_on: m.operations_step_maintenance_on,
  restore_new_database: m.operations_step_restore_new_database,
  verify: m.operations_step_verify,
  swap: m.operations_step_swap,
  resume: m.operations_step_resume,
  rollback: m.operations_step_rollback,
  neutralise_copy: m.operations_step_neutralise_copy,
});

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
  if (vacuumed !== null) parts.push(vacuumed === 1 ? m.operations_opt_vacuumed_one() : m.operations_opt_vacuumed({ count: vacuumed }));
  if (reindexed !== null) parts.push(reindexed === 1 ? m.operations_opt_reindexed_one() : m.operations_opt_reindexed({ count: reindexed }));
  const before = result.databaseBytesBefore;
  const after = result.databaseBytesAfter;
  if (typeof before === "number" && typeof after === "number") parts.push(`${formatBytes(before)} → ${formatBytes(after)}`);
  const seconds = Math.round((new Date(finishedAt).getTime() - new Date(startedAt).getTime()) / 1000);
  if (Number.isFinite(seconds) && seconds >= 0) parts.push(seconds < 120 ? m.operations_seconds({ count: seconds }) : m.operations_minutes({ count: Math.round(seconds / 60) }));
  return parts.join(" · ");
}

/** "1,204 rows moved (pos_sale 1,004 · repair_job 200)" for an archive run's per-table counts; biggest first. */
export function archiveCountsSummary(counts: Record<string, number>): string {
  const n = { format: (value: number) => formatNumber(value) };
  const entries = Object.entries(counts).filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, c]) => sum + c, 0);
  if (total === 0) return m.operations_archive_nothing();
  const tables = entries.map(([t, c]) => `${t} ${n.format(c)}`).join(" · ");
  return total === 1 ? m.operations_archive_moved_one({ tables }) : m.operations_archive_moved({ count: n.format(total), tables });
}

/** The badge variant of an archive run's status: finished quietly, failed loudly, running outlined. */
export function archiveRunBadgeVariant(status: "running" | "completed" | "failed"): "secondary" | "destructive" | "outline" {
  return status === "completed" ? "secondary" : status === "failed" ? "destructive" : "outline";
}
