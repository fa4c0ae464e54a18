/**
 * Operations (backups, restore tests, restores, optimisation, audit chain, archive): the names the
 * worker, commerce and tests share, the workflows' zod inputs, the activities they call (types
 * only) and their pure rules. Nothing here may touch I/O: workflows import it.
 */
import type { Duration } from "@temporalio/common";
import { defineQuery } from "@temporalio/workflow";
import { z } from "zod";
import type { BackupRecord } from "@voltura/db-ops";
import { shopClock, shopDate } from "@voltura/domain";

export const BACKUP_KINDS = ["daily", "weekly", "manual", "pre_restore"] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const OPERATIONS_ALERT_KINDS = ["backup_stale", "backup_failed", "restore_test_failed", "audit_chain_broken", "disk_low"] as const;
export type OperationsAlertKind = (typeof OPERATIONS_ALERT_KINDS)[number];

export const RESTORE_MODES = ["restore", "copy"] as const;
export type RestoreMode = (typeof RESTORE_MODES)[number];
export type RestoreStepName = "check" | "maintenance_on" | "restore_new_database" | "verify" | "swap" | "resume" | "rollback" | "neutralise_copy";

/** Workflow types, and the ids commerce starts them under. */
export const OPERATIONS_WORKFLOWS = {
  runBackup: { workflowType: "runBackup", workflowId: (backupId: string) => `backup-${backupId}` },
  verifyBackup: { workflowType: "verifyBackupWorkflow", workflowId: (backupId: string) => `verify-${backupId}` },
  restoreBackup: { workflowType: "restoreBackup", workflowId: (runId: string) => `restore-${runId}` },
  backupFreshness: { workflowType: "backupFreshnessCheck" },
  optimiseDatabase: { workflowType: "optimiseDatabaseWorkflow" },
  auditChainCheck: { workflowType: "auditChainCheck" },
  archiveRun: { workflowType: "archiveRun" },
} as const;

/** A schedule's firing time in shop time: every hour, a day's hour and minute, or a weekday's. */
export type OperationsScheduleTime =
  | { every: "hour"; minute: number }
  | { every: "day"; hour: number; minute: number }
  | { every: "week"; weekday: number; hour: number; minute: number };

export interface OperationsScheduleDefinition {
  scheduleId: string;
  workflowType: string;
  /** Runs a schedule starts get this id with the scheduled time appended. */
  workflowId: string;
  time: OperationsScheduleTime;
  /** How late a missed firing may still run (worker or server down at the time). */
  catchupWindow: Duration;
  comment: string;
}

/** The operations schedules with their default times (backup hour and restore-test weekday come from the settings). */
export const OPERATIONS_SCHEDULES = {
  backupDaily: { scheduleId: "backup-daily", workflowType: "runBackup", workflowId: "backup-daily", time: { every: "day", hour: 3, minute: 0 }, catchupWindow: "6 hours", comment: "daily backup (weekly kind on the restore-test weekday)" },
  restoreTestWeekly: { scheduleId: "restore-test-weekly", workflowType: "verifyBackupWorkflow", workflowId: "restore-test-weekly", time: { every: "week", weekday: 0, hour: 4, minute: 0 }, catchupWindow: "1 day", comment: "weekly restore test of the newest backup" },
  backupFreshness: { scheduleId: "backup-freshness", workflowType: "backupFreshnessCheck", workflowId: "backup-freshness", time: { every: "hour", minute: 15 }, catchupWindow: "30 minutes", comment: "alert when the newest completed backup is older than 26 h" },
  optimiseWeekly: { scheduleId: "optimise-weekly", workflowType: "optimiseDatabaseWorkflow", workflowId: "optimise-weekly", time: { every: "week", weekday: 0, hour: 4, minute: 30 }, catchupWindow: "6 hours", comment: "weekly VACUUM (ANALYZE) and REINDEX CONCURRENTLY over bloat" },
  auditChainDaily: { scheduleId: "audit-chain-daily", workflowType: "auditChainCheck", workflowId: "audit-chain-daily", time: { every: "day", hour: 2, minute: 45 }, catchupWindow: "6 hours", comment: "daily check of the audit hash chain" },
  archiveDaily: { scheduleId: "archive-daily", workflowType: "archiveRun", workflowId: "archive-daily", time: { every: "day", hour: 3, minute: 30 }, catchupWindow: "6 hours", comment: "daily archive of old closed records" },
} as const satisfies Record<string, OperationsScheduleDefinition>;

export const OPERATIONS_SCHEDULE_IDS = Object.values(OPERATIONS_SCHEDULES).map((s) => s.scheduleId);

/** A completed backup older than this raises `backup_stale`. */
export const BACKUP_STALE_AFTER_HOURS = 26;

// ---- inputs (zod: a schedule, commerce or an operator may start these) ----

const backupIdSchema = z.string().regex(/^bk-\d{8}T\d{6}Z-(daily|weekly|manual|pre_restore)$/, "expected bk-<yyyymmddThhmmssZ>-<kind>");
const timeZoneSchema = z.string().min(1).max(64).optional();

export const runBackupInputSchema = z.object({
  kind: z.enum(BACKUP_KINDS),
  backupId: backupIdSchema.optional(),
  requestedBy: z.string().min(1).max(200),
  /** Shop time zone for the weekly rule; the worker's SHOP_TIME_ZONE when absent. */
  timeZone: timeZoneSchema,
});
export type RunBackupInput = z.input<typeof runBackupInputSchema>;

export const verifyBackupInputSchema = z.object({ backupId: backupIdSchema.optional() });
export type VerifyBackupInput = z.input<typeof verifyBackupInputSchema>;

export const restoreBackupInputSchema = z.object({
  runId: z.string().min(1).max(100),
  backupId: backupIdSchema,
  mode: z.enum(RESTORE_MODES),
  requestedBy: z.string().min(1).max(200),
});
export type RestoreBackupInput = z.infer<typeof restoreBackupInputSchema>;

export const shopDayInputSchema = z.object({ timeZone: timeZoneSchema });
export type ShopDayInput = z.input<typeof shopDayInputSchema>;

// ---- what activities answer ----

/** db-ops' BackupRecord as it travels through workflow history (plain JSON; a type only, nothing of db-ops is bundled). */
export type BackupRecordView = BackupRecord;

export interface RestoreTestSummary {
  backupId: string;
  ok: boolean;
  tablesChecked: number;
  uploadsChecked: number;
  mismatches: string[];
}

export interface BackupFreshness {
  newestCompletedAt: string | null;
  ageHours: number | null;
}

export interface OperationsSettingsView {
  backupHour: number;
  restoreTestWeekday: number;
  dailyRetentionDays: number;
  externalRetentionWeeks: number;
}

export interface AuditChainState {
  ok: boolean;
  checked: number;
  firstBroken: { id: string; seq: number } | null;
}

export interface OptimisationSummary {
  ok: boolean;
  tablesVacuumed: number;
  indexesReindexed: number;
  durationMs: number;
}

export interface OperationsActivities {
  readOperationsSettings(): Promise<OperationsSettingsView>;
  /** db-ops createBackup: idempotent per id (a retry answers the finished file). */
  createBackup(input: { backupId: string; kind: BackupKind }): Promise<BackupRecordView>;
  /** Upserts the finished backup into commerce's catalog (a separate step: commerce may be down at 03:00). */
  recordBackup(input: { record: BackupRecordView; requestedBy: string }): Promise<void>;
  /** Marks the backup failed in the catalog (best effort: the alert is what owners see). */
  recordBackupFailure(input: { backupId: string; kind: BackupKind; requestedBy: string; error: string }): Promise<void>;
  copyBackupToExternal(input: { backupId: string }): Promise<{ key: string; copied: boolean }>;
  /** Applies the settings' retention and makes the catalog the storage's list. */
  applyBackupRetention(input: { atIso: string }): Promise<{ deletedLocal: string[]; deletedExternal: string[] }>;
  findNewestBackup(): Promise<string | null>;
  /** Restores into a scratch database, compares with the manifest, records under the key. A corrupt backup is a failed result, not an error. */
  runRestoreTest(input: { backupId: string; idempotencyKey: string }): Promise<RestoreTestSummary>;
  /** One step of @voltura/db-ops' restore; `failure` (rollback only) is the step that failed and why, written onto the run first. */
  runRestoreStep(input: RestoreBackupInput & { step: RestoreStepName; failure?: { step: RestoreStepName; message: string } }): Promise<{ step: RestoreStepName; detail?: string }>;
  /** Pauses the operations schedules not already paused by someone else; returns the ids it holds paused. */
  pauseOperationsSchedules(input: { runId: string }): Promise<string[]>;
  unpauseOperationsSchedules(input: { runId: string; scheduleIds: string[] }): Promise<string[]>;
  readBackupFreshness(): Promise<BackupFreshness>;
  /** Brings `backup-daily` and `restore-test-weekly` in line with the settings' backup hour and weekday; the ids it changed. */
  alignOperationsSchedules(): Promise<string[]>;
  raiseOperationsAlert(input: { key: string; kind: OperationsAlertKind; message: string }): Promise<void>;
  resolveOperationsAlerts(input: { kind: OperationsAlertKind }): Promise<void>;
  runOptimisation(input: { idempotencyKey: string }): Promise<OptimisationSummary>;
  checkAuditChain(): Promise<AuditChainState>;
  /** Archive run under the key, batch after batch until commerce says done. */
  runArchive(input: { idempotencyKey: string }): Promise<{ runId: string; moved: number; batches: number }>;
  /** Audit rows older than the hot-table retention move to the archive schema (idempotent per day). */
  runAuditArchive(): Promise<{ moved: number }>;
}

export interface RestoreWorkflowState {
  runId: string;
  mode: RestoreMode;
  done: RestoreStepName[];
  current: RestoreStepName | null;
  status: "running" | "completed" | "failed" | "rolled_back";
  pausedSchedules: string[];
  error: string | null;
}

export const restoreStateQuery = defineQuery<RestoreWorkflowState>("restoreState");

// ---- pure rules ----

/** The shop's calendar day ("2026-12-07") of an instant, in the schedule's time zone. */
export const operationsShopDay = (atMs: number, timeZone: string) => shopDate(new Date(atMs), timeZone);
/** The shop's weekday of an instant, 0 = Sunday. */
export const operationsShopWeekday = (atMs: number, timeZone: string) => shopClock(new Date(atMs), timeZone).weekday;

/** A scheduled daily backup taken on the restore-test weekday (shop time) is the weekly one. */
export function scheduledBackupKind(atMs: number, timeZone: string, restoreTestWeekday: number): "daily" | "weekly" {
  return operationsShopWeekday(atMs, timeZone) === restoreTestWeekday ? "weekly" : "daily";
}

/** `bk-<UTC yyyymmddThhmmssZ>-<kind>`, the same id db-ops' newBackupId makes. */
export function backupIdFor(kind: BackupKind, atMs: number): string {
  const stamp = new Date(atMs).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return `bk-${stamp}-${kind}`;
}

/** Never a completed backup, or the newest older than 26 h. */
export function isBackupStale(freshness: BackupFreshness): boolean {
  return freshness.ageHours === null || freshness.ageHours > BACKUP_STALE_AFTER_HOURS;
}

/** Alert keys: commerce raises (and WhatsApps owners) once per key. */
export const operationsAlertKeys = {
  backupFailed: (backupId: string) => `backup_failed:${backupId}`,
  externalCopyFailed: (backupId: string) => `backup_failed:${backupId}:external`,
  /** One stale episode per newest backup: the hourly check does not repeat it. */
  backupStale: (newestCompletedAt: string | null) => `backup_stale:${newestCompletedAt ?? "never"}`,
  restoreTestFailed: (backupId: string) => `restore_test_failed:${backupId}`,
  auditChainBroken: (firstBrokenId: string) => `audit_chain_broken:${firstBrokenId}`,
};

/** One key per restore test run (a backup may be verified again later: each test is its own result). */
export const restoreTestKey = (backupId: string, workflowId: string) => `restore-test:${backupId}:${workflowId}`;
export const optimisationKey = (shopDay: string) => `optimise:${shopDay}`;
export const archiveRunKey = (shopDay: string) => `archive:${shopDay}`;

/** The steps of a restore in Discourse's order, or of a copy (the live database is never touched). */
export function restoreStepsFor(mode: RestoreMode): RestoreStepName[] {
  return mode === "restore"
    ? ["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"]
    : ["check", "restore_new_database", "verify", "neutralise_copy"];
}

/** Failure types a restore step throws for a refusal: retrying cannot help. */
export const RESTORE_REFUSALS = ["BackupNewerThanApp", "BackupIncompatible", "BackupCorrupt", "RestoreRefused"] as const;
/** The failure type of an operations workflow that ended in a failure it reported (alert raised, restore rolled back). */
export const OPERATIONS_FAILURE = "OperationsFailed";
