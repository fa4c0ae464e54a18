import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import type { Backup, BackupCatalog, BackupRecordBody, RestoreTest, backupRecordBodySchema, restoreTestBodySchema } from "@voltura/contracts";
import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import type { z } from "zod";
import { OPERATIONS_SQL } from "./list-queries";
import { OperationsRefusal } from "./refusal";
import { BACKUP_COLUMNS, RESTORE_TEST_COLUMNS, toBackup, toRestoreTest } from "./rows";

type BackupRecord = z.output<typeof backupRecordBodySchema>;
type RestoreTestInput = z.output<typeof restoreTestBodySchema>;

/** A manual backup still running younger than this refuses another (409 backup_in_progress). */
const RUNNING_BACKUP_HOURS = 6;

export async function readBackup(db: Sql, id: string): Promise<Backup | null> {
  const [row] = await rows(db, `SELECT ${BACKUP_COLUMNS} FROM operations_backup WHERE id = ? AND deleted_at IS NULL`, [id]);
  return row ? toBackup(row) : null;
}

export async function requireBackup(db: Sql, id: string): Promise<Backup> {
  const backup = await readBackup(db, id);
  if (!backup) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backup ${id} is not in the catalog`);
  return backup;
}

/** The catalog, newest first, and the newest restore tests. */
export async function backupCatalog(db: Sql, limit = 200): Promise<BackupCatalog> {
  const backups = await rows(db, OPERATIONS_SQL.catalog, [limit]);
  const tests = await rows(db, OPERATIONS_SQL.restoreTests, [20]);
  return { backups: backups.map(toBackup), restore_tests: tests.map(toRestoreTest) };
}

export async function newestCompletedBackup(db: Sql): Promise<Backup | null> {
  const [row] = await rows(db, OPERATIONS_SQL.newestCompleted);
  return row ? toBackup(row) : null;
}

export async function newestRestoreTest(db: Sql): Promise<RestoreTest | null> {
  const [row] = await rows(db, OPERATIONS_SQL.restoreTests, [1]);
  return row ? toRestoreTest(row) : null;
}

/**
 * Upserts what the worker reports of one backup. A late "running" report never demotes a completed backup;
 * the first report with `external` stamps when the copy reached the bucket. Verification is left as it is.
 */
export async function upsertBackupRecord(db: Sql, b: BackupRecord): Promise<Backup> {
  const [row] = await rows(db, `INSERT INTO operations_backup AS o (id, kind, status, started_at, finished_at, bytes, sha256, key_id, app_version,
      table_count, row_count, upload_count, local, external, external_copied_at, error, requested_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, ?, ?)
    ON CONFLICT (id) DO UPDATE SET
      status = CASE WHEN o.status = 'completed' AND excluded.status = 'running' THEN o.status ELSE excluded.status END,
      kind = excluded.kind, started_at = excluded.started_at,
      finished_at = COALESCE(excluded.finished_at, o.finished_at), bytes = COALESCE(excluded.bytes, o.bytes),
      sha256 = COALESCE(excluded.sha256, o.sha256), key_id = COALESCE(excluded.key_id, o.key_id),
      app_version = COALESCE(excluded.app_version, o.app_version), table_count = COALESCE(excluded.table_count, o.table_count),
      row_count = COALESCE(excluded.row_count, o.row_count), upload_count = COALESCE(excluded.upload_count, o.upload_count),
      local = excluded.local, external = excluded.external,
      external_copied_at = CASE WHEN excluded.external THEN COALESCE(o.external_copied_at, now()) ELSE o.external_copied_at END,
      start_due = CASE WHEN excluded.status = 'running' THEN o.start_due ELSE false END,
      error = excluded.error, requested_by = COALESCE(o.requested_by, excluded.requested_by), deleted_at = NULL, updated_at = now()
    RETURNING ${BACKUP_COLUMNS}`,
  [b.backupId, b.kind, b.status, b.startedAt, b.finishedAt ?? null, b.bytes ?? null, b.sha256 ?? null, b.keyId ?? null, b.appVersion ?? null,
    b.tableCount ?? null, b.rowCount ?? null, b.uploadCount ?? null, b.local, b.external, b.external, b.error ?? null, b.requestedBy ?? null]);
  return toBackup(row!);
}

/**
 * The catalog becomes the storage's list, in one transaction: each listed backup is upserted, and every completed
 * backup the storage no longer holds is marked deleted (kept as history). Running and failed rows are left alone.
 */
export async function syncBackupCatalog(db: SqlConnection, list: BackupRecord[]): Promise<{ upserted: number; deleted: number }> {
  return db.transaction(async (trx) => {
    for (const b of list) await upsertBackupRecord(trx, b);
    const gone = await rows(trx, `UPDATE operations_backup SET status = 'deleted', local = false, external = false, updated_at = now()
      WHERE deleted_at IS NULL AND status = 'completed' AND NOT (id = ANY(?::text[])) RETURNING id`, [list.map((b) => b.backupId)]);
    return { upserted: list.length, deleted: gone.length };
  });
}

export function manualBackupId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `bk-${stamp}-manual`;
}

/** Records a requested manual backup (running, its start due) in one transaction; 409 while another runs. */
export async function requestManualBackup(db: SqlConnection, requestedBy: string, now = new Date()): Promise<string> {
  const id = manualBackupId(now);
  return db.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('operations:manual-backup'))`);
    const [running] = await rows(trx, OPERATIONS_SQL.runningManual, [RUNNING_BACKUP_HOURS]);
    if (running) throw new OperationsRefusal("backup_in_progress", `Backup ${String(running.id)} is still running; wait for it to finish`);
    await trx.raw(`INSERT INTO operations_backup (id, kind, status, started_at, local, requested_by, start_due)
      VALUES (?, 'manual', 'running', ?, false, ?, true) ON CONFLICT (id) DO NOTHING`, [id, now, requestedBy]);
    return id;
  });
}

/** Counts one more verification request of a completed backup and marks its start due; answers the request number. */
export async function requestVerification(db: SqlConnection, backupId: string): Promise<number> {
  return db.transaction(async (trx) => {
    const [row] = await rows(trx, `SELECT status, verify_requests FROM operations_backup WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [backupId]);
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backup ${backupId} is not in the catalog`);
    if (row.status !== "completed") {
      throw new OperationsRefusal("backup_not_completed", `Backup ${backupId} is ${String(row.status)}; only a completed backup can be verified`);
    }
    const n = Number(row.verify_requests) + 1;
    await trx.raw(`UPDATE operations_backup SET verify_requests = ?, verify_due = ?, updated_at = now() WHERE id = ?`, [n, n, backupId]);
    return n;
  });
}

const sameTest = (stored: RestoreTest, t: RestoreTestInput) =>
  stored.backup_id === t.backupId && stored.ok === t.ok &&
  Date.parse(stored.started_at) === Date.parse(t.startedAt) && Date.parse(stored.finished_at) === Date.parse(t.finishedAt) &&
  JSON.stringify(stored.result) === JSON.stringify({ migrationsOk: t.migrationsOk, tablesChecked: t.tablesChecked, uploadsChecked: t.uploadsChecked, mismatches: t.mismatches });

/**
 * Records a restore test and sets the backup's verification from it, in one transaction. The same key answers the
 * stored test (nothing changes); the key with another result is 409 idempotency_key_reused. An older test than the
 * one that set the verification leaves it as it is.
 */
export async function recordRestoreTest(db: SqlConnection, id: string, t: RestoreTestInput): Promise<{ restore_test: RestoreTest; backup: Backup }> {
  return db.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`operations:restore-test:${t.idempotency_key}`]);
    const [existing] = await rows(trx, `SELECT ${RESTORE_TEST_COLUMNS} FROM operations_restore_test WHERE idempotency_key = ?`, [t.idempotency_key]);
    if (existing) {
      const stored = toRestoreTest(existing);
      if (!sameTest(stored, t)) {
        throw new OperationsRefusal("idempotency_key_reused", "This idempotency_key was used for another restore test result", 409, "idempotency_key");
      }
      return { restore_test: stored, backup: await requireBackup(trx, id) };
    }
    const [locked] = await rows(trx, `SELECT id FROM operations_backup WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id]);
    if (!locked) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backup ${id} is not in the catalog`);
    const result = { migrationsOk: t.migrationsOk, tablesChecked: t.tablesChecked, uploadsChecked: t.uploadsChecked, mismatches: t.mismatches };
    const [inserted] = await rows(trx, `INSERT INTO operations_restore_test (id, backup_id, idempotency_key, ok, started_at, finished_at, result)
      VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING ${RESTORE_TEST_COLUMNS}`,
    [generateEntityId(undefined, "rtest"), id, t.idempotency_key, t.ok, t.startedAt, t.finishedAt, JSON.stringify(result)]);
    await trx.raw(`UPDATE operations_backup SET verification = ?, verified_at = ?, updated_at = now()
      WHERE id = ? AND (verified_at IS NULL OR verified_at <= ?)`, [t.ok ? "verified" : "failed", t.finishedAt, id, t.finishedAt]);
    return { restore_test: toRestoreTest(inserted!), backup: await requireBackup(trx, id) };
  });
}

export type { BackupRecordBody };
