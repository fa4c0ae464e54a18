import { z } from "zod";

// ---- operations (plugins/operations, module operations): request bodies and answers ----

export const BACKUP_KINDS = ["daily", "weekly", "manual", "pre_restore"] as const;
export const backupKindSchema = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKindSchema>;
export const BACKUP_STATUSES = ["running", "completed", "failed", "deleted"] as const;
export const BACKUP_VERIFICATIONS = ["unverified", "verified", "failed"] as const;
export const RESTORE_MODES = ["restore", "copy"] as const;
export const RESTORE_RUN_STATUSES = ["pending", "running", "completed", "failed", "rolled_back"] as const;
export const OPERATIONS_ALERT_KINDS = ["backup_stale", "backup_failed", "restore_test_failed", "audit_chain_broken", "disk_low"] as const;
export const operationsAlertKindSchema = z.enum(OPERATIONS_ALERT_KINDS);
export type OperationsAlertKind = z.infer<typeof operationsAlertKindSchema>;

/** The word an owner types to confirm a restore of each mode. */
export const RESTORE_CONFIRMATION_WORDS = { restore: "RESTORE", copy: "COPY" } as const;

const isoTime = z.iso.datetime({ offset: true });
const backupId = z.string().trim().regex(/^bk-\d{8}T\d{6}Z-(daily|weekly|manual|pre_restore)$/, "a backup id like bk-20261207T030000Z-daily");
const count = z.number().int().min(0);

// ---- bodies (validated by the routes with these same schemas) ----

/**
 * What the worker reports of one backup (db-ops `BackupRecord`, camelCase) — `POST /admin/operations/backups`
 * as system. `status` defaults to completed; a running or failed backup may leave out what it does not know yet.
 */
export const backupRecordBodySchema = z
  .object({
    backupId,
    kind: backupKindSchema,
    status: z.enum(["running", "completed", "failed"]).default("completed"),
    startedAt: isoTime,
    finishedAt: isoTime.nullish(),
    bytes: count.nullish(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits").nullish(),
    keyId: z.string().trim().min(1).max(100).nullish(),
    appVersion: z.string().trim().min(1).max(100).nullish(),
    tableCount: count.nullish(),
    rowCount: count.nullish(),
    uploadCount: count.nullish(),
    local: z.boolean().default(true),
    external: z.boolean().default(false),
    error: z.string().max(4000).nullish(),
    requestedBy: z.string().trim().max(200).nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.status !== "completed") return;
    for (const field of ["finishedAt", "bytes", "sha256", "keyId"] as const) {
      if (b[field] === undefined || b[field] === null) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required for a completed backup` });
    }
  });
export type BackupRecordBody = z.input<typeof backupRecordBodySchema>;

/** `POST /admin/operations/backups/sync` (system): the storage's whole list; the catalog becomes it. */
export const syncBackupsBodySchema = z.object({ backups: z.array(backupRecordBodySchema).max(5000) });
export type SyncBackupsBody = z.input<typeof syncBackupsBodySchema>;

/** `POST /admin/operations/backups/:id/verifications` (system): db-ops `RestoreTestResult` + the key of this test. */
export const restoreTestBodySchema = z.object({
  idempotency_key: z.string().trim().min(1).max(200),
  backupId,
  ok: z.boolean(),
  startedAt: isoTime,
  finishedAt: isoTime,
  migrationsOk: z.boolean(),
  tablesChecked: count,
  uploadsChecked: count,
  mismatches: z.array(z.string().max(2000)).max(1000),
});
export type RestoreTestBody = z.input<typeof restoreTestBodySchema>;

/** `POST /admin/operations/backups/:id/restore` (owner): `confirmation` must be RESTORE (restore) or COPY (copy). */
export const startRestoreBodySchema = z
  .object({ mode: z.enum(RESTORE_MODES), confirmation: z.string() })
  .superRefine((b, ctx) => {
    const word = RESTORE_CONFIRMATION_WORDS[b.mode];
    if (b.confirmation !== word) ctx.addIssue({ code: "custom", path: ["confirmation"], message: `type ${word} to confirm` });
  });
export type StartRestoreBody = z.input<typeof startRestoreBodySchema>;

/** `POST /admin/operations/alerts` (system). The key names the incident: one alert (and one WhatsApp) per key, ever. */
export const raiseOperationsAlertBodySchema = z.object({
  key: z.string().trim().min(1).max(200),
  kind: operationsAlertKindSchema,
  message: z.string().trim().min(1).max(1000),
});
export type RaiseOperationsAlertBody = z.input<typeof raiseOperationsAlertBodySchema>;

export const resolveOperationsAlertsBodySchema = z.object({ kind: operationsAlertKindSchema });
export type ResolveOperationsAlertsBody = z.input<typeof resolveOperationsAlertsBodySchema>;

export const listOperationsAlertsQuerySchema = z.object({ status: z.enum(["open", "all"]).default("open") });
export type ListOperationsAlertsQuery = z.input<typeof listOperationsAlertsQuerySchema>;

/** The backup settings' defaults and floors (the patch schema below enforces the floors; the console's form refuses below them too). */
export const OPERATIONS_SETTINGS_DEFAULTS = {
  backup_hour: 3,
  daily_retention_days: 30,
  external_retention_weeks: 12,
  restore_test_weekday: 0,
} as const;

export const OPERATIONS_SETTINGS_MINIMUMS = { daily_retention_days: 7, external_retention_weeks: 4 } as const;

/** The fields an update may change, in the order the audit row lists them (the console's form posts the same set). */
export const OPERATIONS_SETTINGS_FIELDS = [
  "backup_hour",
  "daily_retention_days",
  "external_retention_weeks",
  "restore_test_weekday",
  "external_endpoint",
  "external_region",
  "external_bucket",
  "external_prefix",
  "external_force_path_style",
] as const;
export type OperationsSettingsField = (typeof OPERATIONS_SETTINGS_FIELDS)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullable();

/** `PUT /admin/operations/settings` (owner): any subset; the minimums keep 7 days of dailies and 4 weeks outside. */
export const operationsSettingsPatchSchema = z
  .object({
    backup_hour: z.number().int().min(0).max(23),
    daily_retention_days: z.number().int().min(OPERATIONS_SETTINGS_MINIMUMS.daily_retention_days).max(3650),
    external_retention_weeks: z.number().int().min(OPERATIONS_SETTINGS_MINIMUMS.external_retention_weeks).max(520),
    restore_test_weekday: z.number().int().min(0).max(6),
    external_endpoint: z.url({ protocol: /^https?$/ }).max(500).nullable(),
    external_region: optionalText(100),
    external_bucket: optionalText(200),
    external_prefix: optionalText(200),
    external_force_path_style: z.boolean(),
  })
  .partial()
  .strict();
export type OperationsSettingsPatch = z.input<typeof operationsSettingsPatchSchema>;

/** `POST /admin/operations/optimisation-runs` (system): what db-ops `optimiseDatabase` reported. */
export const optimisationRunBodySchema = z.object({
  idempotency_key: z.string().trim().min(1).max(200),
  started_at: isoTime,
  finished_at: isoTime,
  ok: z.boolean(),
  result: z.record(z.string(), z.unknown()),
});
export type OptimisationRunBody = z.input<typeof optimisationRunBodySchema>;

// ---- answers ----

export const backupSchema = z.object({
  id: z.string(),
  kind: backupKindSchema,
  status: z.enum(BACKUP_STATUSES),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  bytes: z.number().nullable(),
  sha256: z.string().nullable(),
  key_id: z.string().nullable(),
  app_version: z.string().nullable(),
  table_count: z.number().nullable(),
  row_count: z.number().nullable(),
  upload_count: z.number().nullable(),
  /** The file is on this machine (download works). */
  local: z.boolean(),
  /** A copy is in the external bucket. */
  external: z.boolean(),
  external_copied_at: z.string().nullable(),
  /** A backup never restored is "unverified". */
  verification: z.enum(BACKUP_VERIFICATIONS),
  verified_at: z.string().nullable(),
  error: z.string().nullable(),
  requested_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Backup = z.infer<typeof backupSchema>;

export const restoreTestSchema = z.object({
  id: z.string(),
  backup_id: z.string(),
  ok: z.boolean(),
  started_at: z.string(),
  finished_at: z.string(),
  result: z.object({
    migrationsOk: z.boolean(),
    tablesChecked: z.number(),
    uploadsChecked: z.number(),
    mismatches: z.array(z.string()),
  }),
  created_at: z.string(),
});
export type RestoreTest = z.infer<typeof restoreTestSchema>;

/** `GET /admin/operations/backups`: the catalog, newest first, and the 20 newest restore tests. */
export const backupCatalogSchema = z.object({ backups: z.array(backupSchema), restore_tests: z.array(restoreTestSchema) });
export type BackupCatalog = z.infer<typeof backupCatalogSchema>;

export const startedWorkflowSchema = z.object({ backup_id: z.string(), workflow_id: z.string() });
export type StartedWorkflow = z.infer<typeof startedWorkflowSchema>;

export const restoreLogLineSchema = z.object({
  at: z.string(),
  step: z.string(),
  level: z.enum(["info", "error"]),
  message: z.string(),
});
export type RestoreLogLine = z.infer<typeof restoreLogLineSchema>;

export const restoreRunSchema = z.object({
  id: z.string(),
  backup_id: z.string(),
  mode: z.enum(RESTORE_MODES),
  status: z.enum(RESTORE_RUN_STATUSES),
  step: z.string().nullable(),
  target_database: z.string().nullable(),
  previous_database: z.string().nullable(),
  requested_by: z.string().nullable(),
  log: z.array(restoreLogLineSchema),
  error: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  workflow_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type RestoreRun = z.infer<typeof restoreRunSchema>;

/** `GET /admin/operations/maintenance` (every staff role + system). */
export const maintenanceStateSchema = z.object({
  on: z.boolean(),
  reason: z.string().nullable(),
  since: z.string().nullable(),
  restore_run_id: z.string().nullable(),
  neutralised: z.boolean(),
  by: z.string().nullable(),
});
export type MaintenanceState = z.infer<typeof maintenanceStateSchema>;

export const operationsAlertSchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: operationsAlertKindSchema,
  message: z.string(),
  raised_at: z.string(),
  resolved_at: z.string().nullable(),
  notified_at: z.string().nullable(),
});
export type OperationsAlert = z.infer<typeof operationsAlertSchema>;

/** `raised` is false when an alert with this key already existed (nothing new was sent). */
export const raisedAlertSchema = z.object({ alert: operationsAlertSchema, raised: z.boolean() });
export type RaisedAlert = z.infer<typeof raisedAlertSchema>;

export const backupFreshnessSchema = z.object({ newest_completed_at: z.string().nullable(), age_hours: z.number().nullable() });
export type BackupFreshness = z.infer<typeof backupFreshnessSchema>;

export const operationsSettingsSchema = z.object({
  backup_hour: z.number(),
  daily_retention_days: z.number(),
  external_retention_weeks: z.number(),
  restore_test_weekday: z.number(),
  external_endpoint: z.string().nullable(),
  external_region: z.string().nullable(),
  external_bucket: z.string().nullable(),
  external_prefix: z.string().nullable(),
  external_force_path_style: z.boolean(),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
});
export type OperationsSettings = z.infer<typeof operationsSettingsSchema>;

export const optimisationRunSchema = z.object({
  id: z.string(),
  idempotency_key: z.string(),
  started_at: z.string(),
  finished_at: z.string(),
  ok: z.boolean(),
  result: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type OptimisationRun = z.infer<typeof optimisationRunSchema>;

export const diskUsageSchema = z.object({
  name: z.enum(["backups", "uploads"]),
  total_bytes: z.number(),
  free_bytes: z.number(),
  /** 0..1 */
  free_ratio: z.number(),
  /** Free space under 15 %. */
  low: z.boolean(),
});
export type DiskUsage = z.infer<typeof diskUsageSchema>;

export const whatsappSessionHealthSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  status: z.string(),
  healthy: z.boolean(),
  last_seen_at: z.string().nullable(),
});

/** `GET /admin/operations/overview` (owner): the Maintenance page's figures. */
export const operationsOverviewSchema = z.object({
  database: z.object({ bytes: z.number(), tables: z.array(z.object({ table: z.string(), bytes: z.number(), rows: z.number() })) }),
  disks: z.array(diskUsageSchema),
  app_version: z.string(),
  /** Migration files of the loaded modules not yet recorded as run; `checked` false when they could not be read. */
  migrations: z.object({ checked: z.boolean(), applied: z.number(), pending: z.array(z.string()) }),
  whatsapp: z.object({ total: z.number(), healthy: z.number(), sessions: z.array(whatsappSessionHealthSchema) }),
  alerts: z.array(operationsAlertSchema),
  maintenance: maintenanceStateSchema,
  newest_backup: backupSchema.nullable(),
  newest_restore_test: restoreTestSchema.nullable(),
});
export type OperationsOverview = z.infer<typeof operationsOverviewSchema>;

/** The backup file's address, fetched raw (the answer is a file, not JSON). */
export function backupDownloadPath(backupIdValue: string): string {
  return `/admin/operations/backups/${encodeURIComponent(backupIdValue)}/download`;
}
