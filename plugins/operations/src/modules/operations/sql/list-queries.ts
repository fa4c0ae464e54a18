import { ALERT_COLUMNS, BACKUP_COLUMNS, OPTIMISATION_COLUMNS, RESTORE_RUN_COLUMNS, RESTORE_TEST_COLUMNS } from "./rows";

/**
 * The operations reads that walk a table, in one place so the scale spec explains exactly these (each has a partial
 * index in Migration20261207010000; `?` is a knex binding).
 */
export const OPERATIONS_SQL = {
  /** [limit] */
  catalog: `SELECT ${BACKUP_COLUMNS} FROM operations_backup WHERE deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT ?`,
  newestCompleted: `SELECT ${BACKUP_COLUMNS} FROM operations_backup WHERE deleted_at IS NULL AND status = 'completed'
    ORDER BY finished_at DESC, id DESC LIMIT 1`,
  /** [hours] */
  runningManual: `SELECT id FROM operations_backup WHERE deleted_at IS NULL AND status = 'running'
    AND kind = 'manual' AND started_at > now() - make_interval(hours => ?) ORDER BY started_at DESC, id DESC LIMIT 1`,
  /** [limit] */
  restoreTests: `SELECT ${RESTORE_TEST_COLUMNS} FROM operations_restore_test WHERE deleted_at IS NULL ORDER BY finished_at DESC, id DESC LIMIT ?`,
  /** [limit] */
  restoreRuns: `SELECT ${RESTORE_RUN_COLUMNS} FROM operations_restore_run WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?`,
  activeRestore: `SELECT id FROM operations_restore_run WHERE deleted_at IS NULL AND status IN ('pending', 'running') LIMIT 1`,
  openAlerts: `SELECT ${ALERT_COLUMNS} FROM operations_alert WHERE resolved_at IS NULL ORDER BY raised_at DESC, id DESC LIMIT 100`,
  allAlerts: `SELECT ${ALERT_COLUMNS} FROM operations_alert ORDER BY raised_at DESC, id DESC LIMIT 200`,
  /** [kind] */
  resolveKind: `UPDATE operations_alert SET resolved_at = now(), updated_at = now() WHERE kind = ? AND resolved_at IS NULL RETURNING id`,
  /** [limit] */
  optimisationRuns: `SELECT ${OPTIMISATION_COLUMNS} FROM operations_optimisation_run ORDER BY started_at DESC, id DESC LIMIT ?`,
  dueBackups: `SELECT id, start_due, verify_due FROM operations_backup WHERE (start_due AND status = 'running') OR verify_due IS NOT NULL
    ORDER BY id LIMIT 100`,
  dueRestores: `SELECT id FROM operations_restore_run WHERE start_due AND status = 'pending' ORDER BY id LIMIT 10`,
} as const;
