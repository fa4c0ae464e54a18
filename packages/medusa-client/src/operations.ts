import { z } from "zod";
import { type CommerceClient } from "./client.js";
import {
  backupCatalogSchema,
  backupFreshnessSchema,
  backupSchema,
  maintenanceStateSchema,
  operationsAlertSchema,
  operationsOverviewSchema,
  operationsSettingsSchema,
  optimisationRunSchema,
  raisedAlertSchema,
  restoreRunSchema,
  restoreTestSchema,
  startedWorkflowSchema,
  type Backup,
  type BackupCatalog,
  type BackupFreshness,
  type BackupRecordBody,
  type ListOperationsAlertsQuery,
  type MaintenanceState,
  type OperationsAlert,
  type OperationsOverview,
  type OperationsSettings,
  type OperationsSettingsPatch,
  type OptimisationRun,
  type OptimisationRunBody,
  type RaisedAlert,
  type RaiseOperationsAlertBody,
  type ResolveOperationsAlertsBody,
  type RestoreRun,
  type RestoreTest,
  type RestoreTestBody,
  type StartedWorkflow,
  type StartRestoreBody,
  type SyncBackupsBody,
} from "@voltura/contracts";

const enc = encodeURIComponent;

// ---- functions (console: owner/manager; worker: system) ----

export function getOperationsOverview(client: CommerceClient): Promise<OperationsOverview> {
  return client.request("GET", "/admin/operations/overview", operationsOverviewSchema);
}

export function listBackups(client: CommerceClient): Promise<BackupCatalog> {
  return client.request("GET", "/admin/operations/backups", backupCatalogSchema);
}

/** Owner: starts a manual backup (workflow `backup-<backup id>`). */
export function startBackup(client: CommerceClient): Promise<StartedWorkflow> {
  return client.request("POST", "/admin/operations/backups", startedWorkflowSchema, {});
}

/** System: records (upserts) one backup as the worker sees it. */
export async function recordBackup(client: CommerceClient, record: BackupRecordBody): Promise<Backup> {
  return (await client.request("POST", "/admin/operations/backups", z.object({ backup: backupSchema }), record)).backup;
}

/** System: the catalog becomes the storage's list (completed backups missing from it are marked deleted). */
export function syncBackups(client: CommerceClient, body: SyncBackupsBody): Promise<{ upserted: number; deleted: number }> {
  return client.request("POST", "/admin/operations/backups/sync", z.object({ upserted: z.number(), deleted: z.number() }), body);
}

/** Owner: starts a restore test of this backup (workflow `verify-<backup id>-<n>`). */
export function startBackupVerification(client: CommerceClient, id: string): Promise<StartedWorkflow> {
  return client.request("POST", `/admin/operations/backups/${enc(id)}/verify`, startedWorkflowSchema, {});
}

/** System: records a restore test; the same idempotency_key answers the stored test. */
export function recordRestoreTest(client: CommerceClient, body: RestoreTestBody): Promise<{ restore_test: RestoreTest; backup: Backup }> {
  const path = `/admin/operations/backups/${enc(body.backupId)}/verifications`;
  return client.request("POST", path, z.object({ restore_test: restoreTestSchema, backup: backupSchema }), body);
}

/** Owner: 409 `restore_in_progress` while another restore or copy runs; 400 naming `confirmation`. */
export async function startRestore(client: CommerceClient, id: string, body: StartRestoreBody): Promise<RestoreRun> {
  return (await client.request("POST", `/admin/operations/backups/${enc(id)}/restore`, z.object({ run: restoreRunSchema }), body)).run;
}

export async function listRestoreRuns(client: CommerceClient): Promise<RestoreRun[]> {
  return (await client.request("GET", "/admin/operations/restores", z.object({ runs: z.array(restoreRunSchema) }))).runs;
}

/** The run with its log (poll it for the live logs). */
export async function getRestoreRun(client: CommerceClient, id: string): Promise<RestoreRun> {
  return (await client.request("GET", `/admin/operations/restores/${enc(id)}`, z.object({ run: restoreRunSchema }))).run;
}

export function getMaintenanceState(client: CommerceClient): Promise<MaintenanceState> {
  return client.request("GET", "/admin/operations/maintenance", maintenanceStateSchema);
}

export async function listOperationsAlerts(client: CommerceClient, query: ListOperationsAlertsQuery = {}): Promise<OperationsAlert[]> {
  const path = `/admin/operations/alerts${query.status ? `?status=${query.status}` : ""}`;
  return (await client.request("GET", path, z.object({ alerts: z.array(operationsAlertSchema) }))).alerts;
}

export function raiseOperationsAlert(client: CommerceClient, body: RaiseOperationsAlertBody): Promise<RaisedAlert> {
  return client.request("POST", "/admin/operations/alerts", raisedAlertSchema, body);
}

/** System: resolves every open alert of this kind. */
export function resolveOperationsAlerts(client: CommerceClient, body: ResolveOperationsAlertsBody): Promise<{ resolved: number }> {
  return client.request("POST", "/admin/operations/alerts/resolve", z.object({ resolved: z.number() }), body);
}

export function getBackupFreshness(client: CommerceClient): Promise<BackupFreshness> {
  return client.request("GET", "/admin/operations/freshness", backupFreshnessSchema);
}

export async function getOperationsSettings(client: CommerceClient): Promise<OperationsSettings> {
  return (await client.request("GET", "/admin/operations/settings", z.object({ settings: operationsSettingsSchema }))).settings;
}

export async function updateOperationsSettings(client: CommerceClient, patch: OperationsSettingsPatch): Promise<OperationsSettings> {
  return (await client.request("PUT", "/admin/operations/settings", z.object({ settings: operationsSettingsSchema }), patch)).settings;
}

/** System: idempotent per idempotency_key. */
export async function recordOptimisationRun(client: CommerceClient, body: OptimisationRunBody): Promise<OptimisationRun> {
  return (await client.request("POST", "/admin/operations/optimisation-runs", z.object({ run: optimisationRunSchema }), body)).run;
}

export async function listOptimisationRuns(client: CommerceClient): Promise<OptimisationRun[]> {
  return (await client.request("GET", "/admin/operations/optimisation-runs", z.object({ runs: z.array(optimisationRunSchema) }))).runs;
}
