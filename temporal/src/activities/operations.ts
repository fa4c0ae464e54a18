import * as dbOps from "@voltura/db-ops";
import type { BackupRecord, DbOpsConfig } from "@voltura/db-ops";
import {
  getBackupFreshness, getOperationsSettings, raiseOperationsAlert, recordBackup, recordOptimisationRun, recordRestoreTest,
  resolveOperationsAlerts, syncBackups, type CommerceClient,
} from "@voltura/medusa-client";
import { OPERATIONS_SCHEDULE_IDS, type BackupRecordView, type OperationsActivities, type RestoreTestSummary } from "@voltura/workflows";
import { createOperationsCommerceActivities } from "./operations-commerce.js";
import {
  backupStartedAt, baseConfig, callCommerce, finalFailure, readVaultSecret, resolveExternalTarget, settingsIfReachable, withHeartbeat,
  type OperationsDeps,
} from "./operations-support.js";

/** The db-ops functions the activities call (tests may pass fakes). */
export type DbOpsApi = Pick<typeof dbOps, "createBackup" | "copyToExternal" | "applyRetention" | "listBackups" | "verifyBackup" | "restoreStep" | "optimiseDatabase" | "recordRestoreFailure">;

const view = (r: BackupRecord): BackupRecordView => ({
  backupId: r.backupId, kind: r.kind, startedAt: r.startedAt, finishedAt: r.finishedAt, bytes: r.bytes, sha256: r.sha256, keyId: r.keyId,
  appVersion: r.appVersion, tableCount: r.tableCount, rowCount: r.rowCount, uploadCount: r.uploadCount, local: r.local, external: r.external,
});

const errorName = (err: unknown) => (err instanceof Error ? err.name : "");
const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Backups, restore tests, restores and optimisation: @voltura/db-ops as the database owner, then
 * what happened reported to commerce (system routes). Each is safe to retry: backups by id,
 * restore tests by `restore-test:<backup id>:<workflow id>`, optimisation runs by `optimise:<shop day>`, alerts by key.
 */
export function createOperationsActivities(commerce: CommerceClient, deps: OperationsDeps, api: DbOpsApi = dbOps as DbOpsApi): OperationsActivities {
  /** The env configuration with the console's external target, when commerce says one is set. */
  async function configWithExternal(): Promise<DbOpsConfig> {
    const base = baseConfig(deps);
    const settings = await settingsIfReachable(commerce);
    return { ...base, external: await resolveExternalTarget(base.external, settings, (name) => readVaultSecret(commerce, name)) };
  }

  /** The catalog becomes the storage's list (after a copy or retention). */
  async function syncCatalog(cfg: DbOpsConfig): Promise<void> {
    const backups = await api.listBackups(cfg);
    await callCommerce("syncing the backup catalog", () => syncBackups(commerce, { backups: backups.map((b) => ({ ...view(b), status: "completed" as const })) }));
  }

  /**
   * After a restore the catalog is the backup's; storage knows better (the backup itself, the
   * pre_restore one). Commerce is reconnecting to the swapped database, so a few tries; a failure
   * leaves the restore done (the next backup or weekly run syncs again).
   */
  async function resyncAfterRestore(cfg: DbOpsConfig): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        return await syncCatalog(cfg);
      } catch (err) {
        if (attempt === 5) console.warn(`[operations] backup catalog not re-synced after the restore: ${errorMessage(err)}`);
        else await new Promise((r) => setTimeout(r, 2_000 * attempt));
      }
    }
  }

  return {
    ...createOperationsCommerceActivities(commerce),

    async createBackup({ backupId, kind }) {
      const cfg = baseConfig(deps);
      return withHeartbeat(async () => view(await api.createBackup(cfg, { backupId, kind })));
    },

    async recordBackup({ record, requestedBy }) {
      await callCommerce(`recording backup ${record.backupId}`, () => recordBackup(commerce, { ...record, status: "completed", requestedBy }));
    },

    async recordBackupFailure({ backupId, kind, requestedBy, error }) {
      await callCommerce(`recording the failure of ${backupId}`, () =>
        recordBackup(commerce, { backupId, kind, status: "failed", startedAt: backupStartedAt(backupId), error: error.slice(0, 4000), requestedBy }));
    },

    async copyBackupToExternal({ backupId }) {
      const cfg = await configWithExternal();
      if (!cfg.external) throw finalFailure("No external storage is configured: set the bucket under Maintenance → External storage, or BACKUP_S3_BUCKET", "OperationsNotConfigured");
      const copied = await withHeartbeat(() => api.copyToExternal(cfg, backupId));
      await syncCatalog(cfg);
      return copied;
    },

    async applyBackupRetention({ atIso }) {
      const cfg = await configWithExternal();
      const settings = await settingsIfReachable(commerce);
      const policy = { dailyDays: settings?.daily_retention_days ?? 30, externalWeeks: settings?.external_retention_weeks ?? 12 };
      const outcome = await withHeartbeat(() => api.applyRetention(cfg, policy, new Date(atIso)));
      await syncCatalog(cfg);
      return outcome;
    },

    async findNewestBackup() {
      const backups = await api.listBackups(await configWithExternal());
      const newest = backups.filter((b) => b.finishedAt).sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
      return newest?.backupId ?? null;
    },

    async runRestoreTest({ backupId, idempotencyKey }): Promise<RestoreTestSummary> {
      const cfg = await configWithExternal();
      const startedAt = new Date().toISOString();
      const result = await withHeartbeat(async () => {
        try {
          return await api.verifyBackup(cfg, backupId);
        } catch (err) {
          // A backup that cannot be opened is what the test is for: a failed result, recorded.
          if (errorName(err) !== "BackupCorruptError") throw err;
          return { backupId, ok: false, startedAt, finishedAt: new Date().toISOString(), migrationsOk: false, tablesChecked: 0, uploadsChecked: 0, mismatches: [`backup unreadable: ${errorMessage(err)}`] };
        }
      });
      await callCommerce(`recording the restore test of ${backupId}`, () => recordRestoreTest(commerce, { ...result, mismatches: result.mismatches.slice(0, 1000), idempotency_key: idempotencyKey }));
      return { backupId, ok: result.ok, tablesChecked: result.tablesChecked, uploadsChecked: result.uploadsChecked, mismatches: result.mismatches };
    },

    async runRestoreStep({ step, failure, ...request }) {
      const cfg = step === "check" || step === "restore_new_database" ? await configWithExternal() : baseConfig(deps);
      if (step === "rollback" && failure) {
        await api.recordRestoreFailure(cfg, request, failure.step, failure.message).catch(() => undefined);
      }
      try {
        const outcome = await withHeartbeat((beat) => {
          beat(step);
          return api.restoreStep(cfg, request, step);
        });
        if (step === "resume") await resyncAfterRestore(cfg);
        return { step, detail: outcome.message };
      } catch (err) {
        if (errorName(err) === "RestoreRefusedError") {
          throw finalFailure(`${(err as { code?: string }).code ?? "refused"}: ${errorMessage(err)}`, "RestoreRefused");
        }
        if (errorName(err) === "BackupCorruptError") throw finalFailure(errorMessage(err), "BackupCorrupt");
        throw err;
      }
    },

    async pauseOperationsSchedules({ runId }) {
      const note = `paused by restore ${runId}`;
      const held: string[] = [];
      for (const id of OPERATIONS_SCHEDULE_IDS) {
        const state = await deps.schedules.describe(id);
        if (!state) continue;
        if (state.paused && state.note !== note) continue; // paused by an operator: theirs to unpause
        if (!state.paused) await deps.schedules.pause(id, note);
        held.push(id);
      }
      return held;
    },

    async unpauseOperationsSchedules({ runId, scheduleIds }) {
      const note = `paused by restore ${runId}`;
      const released: string[] = [];
      for (const id of scheduleIds) {
        const state = await deps.schedules.describe(id);
        if (!state?.paused || state.note !== note) continue;
        await deps.schedules.unpause(id, `restore ${runId} finished`);
        released.push(id);
      }
      return released;
    },

    async readBackupFreshness() {
      const answer = await callCommerce("reading backup freshness", () => getBackupFreshness(commerce));
      return { newestCompletedAt: answer.newest_completed_at, ageHours: answer.age_hours };
    },

    async alignOperationsSchedules() {
      const s = await callCommerce("reading operations settings", () => getOperationsSettings(commerce));
      return deps.schedules.align({ backupHour: s.backup_hour, restoreTestWeekday: s.restore_test_weekday });
    },

    async raiseOperationsAlert(body) {
      await callCommerce(`raising alert ${body.key}`, () => raiseOperationsAlert(commerce, body));
    },

    async resolveOperationsAlerts(body) {
      await callCommerce(`resolving ${body.kind} alerts`, () => resolveOperationsAlerts(commerce, body));
    },

    async runOptimisation({ idempotencyKey }) {
      const cfg = baseConfig(deps);
      const began = Date.now();
      const result = await withHeartbeat((beat) => api.optimiseDatabase(cfg, { bloatThreshold: deps.bloatThreshold, onProgress: beat }));
      await callCommerce(`recording optimisation ${idempotencyKey}`, () => recordOptimisationRun(commerce, {
        idempotency_key: idempotencyKey, started_at: result.startedAt, finished_at: result.finishedAt, ok: result.ok, result: { ...result },
      }));
      return { ok: result.ok, tablesVacuumed: result.vacuumed.length, indexesReindexed: result.reindexed.filter((i) => i.ok).length, durationMs: Date.now() - began };
    },
  };
}

