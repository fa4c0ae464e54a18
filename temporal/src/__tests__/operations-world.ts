// A recorded stand-in for the operations activities: storage, commerce's catalog and alerts, and
// the schedules, as the workflows see them. The real activities are tested against PostgreSQL,
// s3rver and Temporal elsewhere; here the workflows' decisions are.
import { ApplicationFailure } from "@temporalio/activity";
import { backupIdFor, type BackupKind, type BackupRecordView, type OperationsActivities, type OperationsAlertKind, type RestoreStepName } from "@voltura/workflows";

export interface RaisedAlert { key: string; kind: OperationsAlertKind; message: string }
export interface RestoreCall { runId: string; step: RestoreStepName; failure?: { step: RestoreStepName; message: string } }

export class OperationsWorld {
  readonly calls: Array<{ name: keyof OperationsActivities; input: unknown }> = [];
  readonly backups: BackupRecordView[] = [];
  readonly alerts: RaisedAlert[] = [];
  readonly resolved: OperationsAlertKind[] = [];
  readonly restoreCalls: RestoreCall[] = [];
  readonly paused = new Map<string, string>();
  restoreTestWeekday = 0;
  /** Every createBackup attempt throws this message. */
  backupFailure: string | null = null;
  createAttempts = 0;
  restoreTestMismatches: string[] = [];
  auditChain: { ok: boolean; checked: number; firstBroken: { id: string; seq: number } | null } = { ok: true, checked: 10, firstBroken: null };
  /** The step that fails, and whether as a refusal (not retried). */
  failingStep: { step: RestoreStepName; refusal: boolean } | null = null;

  constructor(private readonly now: () => Promise<number>, readonly scheduleIds: string[]) {}

  /** A backup that completed at `atMs` (world time). */
  addCompletedBackup(kind: BackupKind, atMs: number): BackupRecordView {
    const record: BackupRecordView = {
      backupId: backupIdFor(kind, atMs), kind, startedAt: new Date(atMs - 60_000).toISOString(), finishedAt: new Date(atMs).toISOString(),
      bytes: 1234, sha256: "a".repeat(64), keyId: "b-test", appVersion: "0.1.0", tableCount: 3, rowCount: 42, uploadCount: 1, local: true, external: false,
    };
    this.backups.push(record);
    return record;
  }

  called(name: keyof OperationsActivities) {
    return this.calls.filter((c) => c.name === name);
  }

  activities(): OperationsActivities {
    const record = <T>(name: keyof OperationsActivities, input: unknown, value: T): T => {
      this.calls.push({ name, input });
      return value;
    };
    return {
      readOperationsSettings: async () => record("readOperationsSettings", undefined, { backupHour: 3, restoreTestWeekday: this.restoreTestWeekday, dailyRetentionDays: 30, externalRetentionWeeks: 12 }),
      createBackup: async (input) => {
        this.createAttempts++;
        if (this.backupFailure) {
          this.calls.push({ name: "createBackup", input });
          throw new Error(this.backupFailure);
        }
        const existing = this.backups.find((b) => b.backupId === input.backupId);
        return record("createBackup", input, existing ?? this.addCompletedBackup(input.kind, await this.now()));
      },
      recordBackup: async (input) => record("recordBackup", input, undefined),
      recordBackupFailure: async (input) => record("recordBackupFailure", input, undefined),
      copyBackupToExternal: async (input) => {
        const backup = this.backups.find((b) => b.backupId === input.backupId)!;
        backup.external = true;
        return record("copyBackupToExternal", input, { key: `voltura-backups/${input.backupId}.vsbk`, copied: true });
      },
      applyBackupRetention: async (input) => record("applyBackupRetention", input, { deletedLocal: [], deletedExternal: [] }),
      findNewestBackup: async () => record("findNewestBackup", undefined, [...this.backups].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0]?.backupId ?? null),
      runRestoreTest: async (input) => record("runRestoreTest", input, {
        backupId: input.backupId, ok: this.restoreTestMismatches.length === 0, tablesChecked: 3, uploadsChecked: 1, mismatches: this.restoreTestMismatches,
      }),
      runRestoreStep: async ({ runId, step, failure }) => {
        this.restoreCalls.push({ runId, step, ...(failure ? { failure } : {}) });
        this.calls.push({ name: "runRestoreStep", input: { runId, step } });
        if (this.failingStep?.step === step) {
          if (this.failingStep.refusal) throw ApplicationFailure.create({ message: "backup_newer_than_app: the backup is from 0.2.0", type: "RestoreRefused", nonRetryable: true });
          throw new Error(`${step} broke`);
        }
        return { step, detail: `${step} done` };
      },
      pauseOperationsSchedules: async (input) => {
        for (const id of this.scheduleIds) this.paused.set(id, `paused by restore ${input.runId}`);
        return record("pauseOperationsSchedules", input, [...this.scheduleIds]);
      },
      unpauseOperationsSchedules: async (input) => {
        for (const id of input.scheduleIds) this.paused.delete(id);
        return record("unpauseOperationsSchedules", input, input.scheduleIds);
      },
      alignOperationsSchedules: async () => record("alignOperationsSchedules", undefined, []),
      readBackupFreshness: async () => {
        const newest = [...this.backups].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
        const ageHours = newest ? (await this.now() - Date.parse(newest.finishedAt)) / 3_600_000 : null;
        return record("readBackupFreshness", undefined, { newestCompletedAt: newest?.finishedAt ?? null, ageHours });
      },
      raiseOperationsAlert: async (input) => {
        // Commerce raises (and WhatsApps) once per key.
        if (!this.alerts.some((a) => a.key === input.key)) this.alerts.push(input);
        return record("raiseOperationsAlert", input, undefined);
      },
      resolveOperationsAlerts: async (input) => {
        this.resolved.push(input.kind);
        return record("resolveOperationsAlerts", input, undefined);
      },
      runOptimisation: async (input) => record("runOptimisation", input, { ok: true, tablesVacuumed: 2, indexesReindexed: 1, durationMs: 10 }),
      checkAuditChain: async () => record("checkAuditChain", undefined, this.auditChain),
      runArchive: async (input) => record("runArchive", input, { runId: "arun_1", moved: 120, batches: 2 }),
      runAuditArchive: async () => record("runAuditArchive", undefined, { moved: 7 }),
    };
  }
}
