import type { SqlRow } from "@voltura/medusa-kit";
import type { Backup, MaintenanceState, OperationsAlert, OperationsSettings, OptimisationRun, RestoreRun, RestoreTest } from "@voltura/contracts";

// Row → API answer mappers: timestamps as ISO strings (UTC), bigint columns as numbers.

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string | Date).toISOString());
const isoNow = (v: unknown): string => iso(v) ?? new Date(0).toISOString();
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const BACKUP_COLUMNS = `id, kind, status, started_at, finished_at, bytes, sha256, key_id, app_version, table_count, row_count, upload_count,
  local, external, external_copied_at, verification, verified_at, error, requested_by, created_at, updated_at`;

export function toBackup(r: SqlRow): Backup {
  return {
    id: String(r.id), kind: r.kind as Backup["kind"], status: r.status as Backup["status"],
    started_at: iso(r.started_at), finished_at: iso(r.finished_at), bytes: num(r.bytes), sha256: text(r.sha256), key_id: text(r.key_id),
    app_version: text(r.app_version), table_count: num(r.table_count), row_count: num(r.row_count), upload_count: num(r.upload_count),
    local: Boolean(r.local), external: Boolean(r.external), external_copied_at: iso(r.external_copied_at),
    verification: r.verification as Backup["verification"], verified_at: iso(r.verified_at), error: text(r.error),
    requested_by: text(r.requested_by), created_at: isoNow(r.created_at), updated_at: isoNow(r.updated_at),
  };
}

export const RESTORE_TEST_COLUMNS = `id, backup_id, ok, started_at, finished_at, result, created_at`;

export function toRestoreTest(r: SqlRow): RestoreTest {
  const result = (r.result ?? {}) as Partial<RestoreTest["result"]>;
  return {
    id: String(r.id), backup_id: String(r.backup_id), ok: Boolean(r.ok), started_at: isoNow(r.started_at), finished_at: isoNow(r.finished_at),
    result: {
      migrationsOk: Boolean(result.migrationsOk), tablesChecked: Number(result.tablesChecked ?? 0),
      uploadsChecked: Number(result.uploadsChecked ?? 0), mismatches: Array.isArray(result.mismatches) ? result.mismatches.map(String) : [],
    },
    created_at: isoNow(r.created_at),
  };
}

export const RESTORE_RUN_COLUMNS = `id, backup_id, mode, status, step, target_database, previous_database, requested_by, log, error,
  started_at, finished_at, created_at, updated_at`;

export function restoreWorkflowId(runId: string): string {
  return `restore-${runId}`;
}

export function toRestoreRun(r: SqlRow): RestoreRun {
  const log = Array.isArray(r.log) ? (r.log as RestoreRun["log"]) : [];
  return {
    id: String(r.id), backup_id: String(r.backup_id), mode: r.mode as RestoreRun["mode"], status: r.status as RestoreRun["status"],
    step: text(r.step), target_database: text(r.target_database), previous_database: text(r.previous_database),
    requested_by: text(r.requested_by),
    log: log.map((l) => ({ at: String(l.at), step: String(l.step), level: l.level === "error" ? "error" : "info", message: String(l.message) })),
    error: text(r.error), started_at: iso(r.started_at), finished_at: iso(r.finished_at), workflow_id: restoreWorkflowId(String(r.id)),
    created_at: isoNow(r.created_at), updated_at: isoNow(r.updated_at),
  };
}

export function toMaintenance(r: SqlRow | undefined): MaintenanceState {
  if (!r) return { on: false, reason: null, since: null, restore_run_id: null, neutralised: false, by: null };
  return {
    on: Boolean(r.on), reason: text(r.reason), since: iso(r.since), restore_run_id: text(r.restore_run_id),
    neutralised: Boolean(r.neutralised), by: text(r.by),
  };
}

export const ALERT_COLUMNS = `id, key, kind, message, raised_at, resolved_at, notified_at`;

export function toAlert(r: SqlRow): OperationsAlert {
  return {
    id: String(r.id), key: String(r.key), kind: r.kind as OperationsAlert["kind"], message: String(r.message),
    raised_at: isoNow(r.raised_at), resolved_at: iso(r.resolved_at), notified_at: iso(r.notified_at),
  };
}

export function toSettings(r: SqlRow): OperationsSettings {
  return {
    backup_hour: Number(r.backup_hour), daily_retention_days: Number(r.daily_retention_days),
    external_retention_weeks: Number(r.external_retention_weeks), restore_test_weekday: Number(r.restore_test_weekday),
    external_endpoint: text(r.external_endpoint), external_region: text(r.external_region), external_bucket: text(r.external_bucket),
    external_prefix: text(r.external_prefix), external_force_path_style: Boolean(r.external_force_path_style),
    updated_at: iso(r.updated_at), updated_by: text(r.updated_by),
  };
}

export const OPTIMISATION_COLUMNS = `id, idempotency_key, started_at, finished_at, ok, result, created_at`;

export function toOptimisationRun(r: SqlRow): OptimisationRun {
  return {
    id: String(r.id), idempotency_key: String(r.idempotency_key), started_at: isoNow(r.started_at), finished_at: isoNow(r.finished_at),
    ok: Boolean(r.ok), result: (r.result ?? {}) as Record<string, unknown>, created_at: isoNow(r.created_at),
  };
}
