// What the operations activities share: the db-ops configuration (env, overridden by the
// console's external target with its keys from the vault), heartbeats, and failure mapping.
import { ApplicationFailure, Context } from "@temporalio/activity";
import type { DbOpsConfig, ExternalTarget } from "@voltura/db-ops";
import { type OperationsSettings } from "@voltura/contracts";
import { CommerceError, getOperationsSettings, readVaultSecretValue, type CommerceClient } from "@voltura/medusa-client";

/** Pauses and unpauses schedules by id (the worker's Temporal client; tests pass a recorder). */
export interface ScheduleControl {
  /** Null when the schedule does not exist. */
  describe(scheduleId: string): Promise<{ paused: boolean; note: string | undefined } | null>;
  pause(scheduleId: string, note: string): Promise<void>;
  unpause(scheduleId: string, note: string): Promise<void>;
  /** Moves the backup and restore-test schedules to these settings when they differ; the ids it changed. */
  align(settings: { backupHour: number; restoreTestWeekday: number }): Promise<string[]>;
}

export interface OperationsDeps {
  /** From `dbOpsConfigFromEnv` at start, or why it could not be read (each operations activity then fails with that message). */
  dbOps: DbOpsConfig | { error: string };
  schedules: ScheduleControl;
  /** REINDEX CONCURRENTLY over this estimated bloat (0..1). */
  bloatThreshold: number;
}

export const VAULT_S3_KEY_NAMES = { accessKeyId: "backup_s3_access_key_id", secretAccessKey: "backup_s3_secret_access_key" } as const;
type VaultS3KeyName = (typeof VAULT_S3_KEY_NAMES)[keyof typeof VAULT_S3_KEY_NAMES];

/** A failure retrying cannot fix (configuration, a refusal): reported once, not retried. */
export function finalFailure(message: string, type: string): ApplicationFailure {
  return ApplicationFailure.create({ message, type, nonRetryable: true });
}

export function baseConfig(deps: OperationsDeps): DbOpsConfig {
  if ("error" in deps.dbOps) throw finalFailure(`Backups are not configured on this worker: ${deps.dbOps.error}`, "OperationsNotConfigured");
  return deps.dbOps;
}

/** 4xx answers other than 408/429 will not change on retry; 5xx (maintenance 503 included) and no answer are retried. */
export function commerceFailure(what: string, err: unknown): unknown {
  if (err instanceof CommerceError && err.status < 500 && err.status !== 408 && err.status !== 429) {
    return finalFailure(`${what}: ${err.status} ${err.type ?? ""} ${err.message}`.replace(/\s+/g, " "), "CommerceRefused");
  }
  return err;
}

export async function callCommerce<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw commerceFailure(what, err);
  }
}

/** A vault secret's value (system route); null when it is not set. */
export async function readVaultSecret(commerce: CommerceClient, name: VaultS3KeyName): Promise<string | null> {
  try {
    return await readVaultSecretValue(commerce, name);
  } catch (err) {
    if (err instanceof CommerceError && err.status === 404) return null;
    throw commerceFailure(`reading the vault secret ${name}`, err);
  }
}

/**
 * The external target to use: the console's (settings name a bucket) with keys from env when env
 * has them, else from the vault; otherwise env's own target, or none.
 */
export async function resolveExternalTarget(env: ExternalTarget | null, settings: OperationsSettings | null, readSecret: (name: VaultS3KeyName) => Promise<string | null>): Promise<ExternalTarget | null> {
  if (!settings?.external_bucket) return env;
  let accessKeyId = env?.accessKeyId ?? null;
  let secretAccessKey = env?.secretAccessKey ?? null;
  if (!accessKeyId || !secretAccessKey) {
    accessKeyId = await readSecret(VAULT_S3_KEY_NAMES.accessKeyId);
    secretAccessKey = await readSecret(VAULT_S3_KEY_NAMES.secretAccessKey);
  }
  if (!accessKeyId || !secretAccessKey) {
    throw finalFailure(`External storage ${settings.external_bucket} has no keys: set them under Maintenance → Secrets (${VAULT_S3_KEY_NAMES.accessKeyId}, ${VAULT_S3_KEY_NAMES.secretAccessKey}) or BACKUP_S3_ACCESS_KEY_ID / BACKUP_S3_SECRET_ACCESS_KEY`, "OperationsNotConfigured");
  }
  return {
    endpoint: settings.external_endpoint ?? undefined,
    region: settings.external_region ?? env?.region ?? "us-east-1",
    bucket: settings.external_bucket,
    prefix: settings.external_prefix ?? env?.prefix ?? "voltura-backups/",
    accessKeyId,
    secretAccessKey,
    forcePathStyle: settings.external_force_path_style,
  };
}

/** The settings when commerce answers; null when it cannot (a backup or restore must not wait for commerce). */
export async function settingsIfReachable(commerce: CommerceClient): Promise<OperationsSettings | null> {
  try {
    return await getOperationsSettings(commerce);
  } catch {
    return null;
  }
}

/** Runs long work while heartbeating every 15 s (so a dead worker is noticed); `beat` adds a detail. */
export async function withHeartbeat<T>(work: (beat: (detail: string) => void) => Promise<T>): Promise<T> {
  const context = Context.current();
  let last = "";
  const timer = setInterval(() => context.heartbeat(last), 15_000);
  try {
    return await work((detail) => {
      last = detail;
      context.heartbeat(detail);
    });
  } finally {
    clearInterval(timer);
  }
}

/** `bk-20261207T030000Z-daily` → `2026-12-07T03:00:00.000Z`. */
export function backupStartedAt(backupId: string): string {
  const m = /^bk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(backupId);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)).toISOString() : new Date().toISOString();
}
