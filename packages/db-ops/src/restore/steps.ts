import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  appliedMigrations, compareFingerprints, compareWithManifest, createBackup, fingerprintDatabase, newBackupId, openBackup, readLocalSidecar, restoreDumpInto,
  type BackupManifest, type TableFingerprint,
} from "./backup-side.js";
import { checkCompatibility } from "./compatibility.js";
import { logLine, type LogSink } from "./log.js";
import { setMaintenance } from "./maintenance.js";
import { runMigrateCommand } from "./migrate.js";
import { withDatabase } from "./names.js";
import { closeRunsFromBackup, copyRunInto, readRun, writeRun } from "./run-record.js";
import { databaseExists } from "./sql.js";
import { updateState, type RunContext } from "./state.js";
import { compareUploads, stageUploads } from "./uploads.js";
import { RestoreRefusedError } from "./types.js";

/**
 * Tables the restore itself writes into the new database before verify: their content is ours, not the backup's
 * (`live_event` gets a row from the maintenance table's trigger when the restore switches maintenance on there).
 */
const WRITTEN_BY_RESTORE = new Set(["operations_restore_run", "operations_maintenance", "live_event"]);

interface Opened { manifest: BackupManifest; dumpFile: string; uploadsDir: string }

const exists = (p: string) => stat(p).then(() => true, () => false);
const openedFile = (ctx: RunContext) => path.join(ctx.names.workDir, "opened.json");
export const targetUrl = (ctx: RunContext) => withDatabase(ctx.liveUrl, ctx.names.target);

/** The backup decrypted and checked once per run; a repeat reuses it while its dump is still there. */
async function openedBackup(ctx: RunContext): Promise<Opened> {
  const saved = await readFile(openedFile(ctx), "utf8").then((text) => JSON.parse(text) as Opened, () => null);
  if (saved && (await exists(saved.dumpFile))) return saved;
  const opened = await openBackup(ctx.cfg, ctx.req.backupId, path.join(ctx.names.workDir, "open"));
  await writeFile(openedFile(ctx), JSON.stringify(opened));
  return opened;
}

async function manifestOf(ctx: RunContext): Promise<BackupManifest> {
  return (await openedBackup(ctx)).manifest;
}

/** `check`: the backup opens (every part's tag and sha256), and fits this app: not newer, no unknown migrations. */
export async function checkStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  await writeRun(ctx.liveUrl, ctx.req, { step: "check", status: "running", target_database: ctx.names.target });
  await logLine(ctx, "check", "info", `opening backup ${ctx.req.backupId}`, sink);
  const manifest = await manifestOf(ctx);
  const live = { appVersion: ctx.cfg.appVersion, migrations: await appliedMigrations(ctx.liveUrl) };
  const fit = checkCompatibility(manifest, live);
  if (!fit.ok) throw new RestoreRefusedError("backup_newer_than_app", fit.reason);
  await updateState(ctx, { pendingMigrations: fit.pendingMigrations });
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  const message = `backup ${manifest.backupId} (version ${manifest.appVersion}, ${manifest.tables.length} tables, ${rows} rows, ${manifest.uploads.length} uploads) fits version ${live.appVersion}; ${fit.pendingMigrations.length} migration(s) to run after the restore`;
  await logLine(ctx, "check", "info", message, sink);
  return message;
}

/** A pre_restore backup id no earlier backup holds (ids have one-second resolution), chosen once per run. */
async function freePreRestoreId(ctx: RunContext): Promise<string> {
  const at = new Date(ctx.state.startedAt);
  for (;;) {
    const id = newBackupId("pre_restore", at);
    if (!(await readLocalSidecar(ctx.cfg, id))) return id;
    at.setUTCSeconds(at.getUTCSeconds() + 1);
  }
}

/** `maintenance_on`: writes refused from here on, then a `pre_restore` backup of the live database (so the restore can itself be undone). */
export async function maintenanceOnStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  await writeRun(ctx.liveUrl, ctx.req, { step: "maintenance_on", status: "running" });
  await setMaintenance(ctx.liveUrl, true, { reason: `restore of ${ctx.req.backupId}`, restoreRunId: ctx.req.runId, by: ctx.req.requestedBy });
  await logLine(ctx, "maintenance_on", "info", "maintenance mode on: writes are refused until the restore ends", sink);
  if (!ctx.state.preRestoreBackupId) await updateState(ctx, { preRestoreBackupId: await freePreRestoreId(ctx) });
  const backupId = ctx.state.preRestoreBackupId!;
  const record = await createBackup(ctx.cfg, { backupId, kind: "pre_restore" });
  const message = `backup of the live database taken first: ${record.backupId} (${record.rowCount} rows, ${record.bytes} bytes)`;
  await logLine(ctx, "maintenance_on", "info", message, sink);
  return message;
}

/** `restore_new_database`: the dump into `<live>_r<short>` (or the copy's name), uploads beside UPLOADS_DIR, migrations when older, then our rows. */
export async function restoreNewDatabaseStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  const { target, stagedUploads } = ctx.names;
  await writeRun(ctx.liveUrl, ctx.req, { step: "restore_new_database", status: "running", target_database: target });
  if (ctx.state.restored && (await databaseExists(ctx.liveUrl, target)) && (await exists(stagedUploads))) {
    return `${target} was already restored`;
  }
  await updateState(ctx, { restored: false, verified: false });
  const opened = await openedBackup(ctx);
  await logLine(ctx, "restore_new_database", "info", `restoring the dump into ${target}`, sink);
  await restoreDumpInto(ctx.cfg, opened.dumpFile, target);
  await stageUploads(opened.uploadsDir, stagedUploads);
  await logLine(ctx, "restore_new_database", "info", `${opened.manifest.uploads.length} uploads placed in ${stagedUploads}`, sink);
  const pending = ctx.state.pendingMigrations ?? [];
  const url = targetUrl(ctx);
  if (pending.length > 0) {
    const fingerprintFile = path.join(ctx.names.workDir, "restored-fingerprint.json");
    await writeFile(fingerprintFile, JSON.stringify(await fingerprintDatabase(url)));
    await updateState(ctx, { restoredFingerprintFile: fingerprintFile });
    await logLine(ctx, "restore_new_database", "info", `running ${pending.length} migration(s) the backup predates`, sink);
    await runMigrateCommand(url);
  }
  if (ctx.req.mode === "restore") {
    await setMaintenance(url, true, { reason: `restore of ${ctx.req.backupId}`, restoreRunId: ctx.req.runId, by: ctx.req.requestedBy });
  }
  const closed = await closeRunsFromBackup(url, ctx.req.runId);
  if (closed > 0) await logLine(ctx, "restore_new_database", "info", `${closed} restore run(s) in progress when the backup was taken marked failed in ${target}`, sink);
  const row = await readRun(ctx.liveUrl, ctx.req.runId);
  if (row) await copyRunInto(url, row);
  await updateState(ctx, { restored: true });
  const message = `${target} restored${pending.length > 0 ? ` and migrated (${pending.length})` : ""}`;
  await logLine(ctx, "restore_new_database", "info", message, sink);
  return message;
}

const tableKey = (t: { schema: string; table: string }) => `${t.schema}.${t.table}`;
const writtenByRestore = (key: string) => WRITTEN_BY_RESTORE.has(key.slice(key.indexOf(".") + 1));

/**
 * Which mismatches count: tables the restore wrote are skipped; tables the migrations changed (or created) are judged
 * at their state right after pg_restore, from the fingerprint taken then.
 */
async function tableMismatches(ctx: RunContext, manifest: BackupManifest): Promise<string[]> {
  const url = targetUrl(ctx);
  const migrated = new Set<string>();
  let restored: TableFingerprint[] = [];
  if (ctx.state.restoredFingerprintFile) {
    restored = JSON.parse(await readFile(ctx.state.restoredFingerprintFile, "utf8")) as TableFingerprint[];
    const before = new Map(restored.map((t) => [tableKey(t), t]));
    for (const now of await fingerprintDatabase(url)) {
      const was = before.get(tableKey(now));
      if (!was || was.rows !== now.rows || was.checksum !== now.checksum) migrated.add(tableKey(now));
    }
  }
  const ignored = (key: string) => writtenByRestore(key) || migrated.has(key);
  const result = await compareWithManifest(url, { ...manifest, tables: manifest.tables.filter((t) => !ignored(tableKey(t))) });
  const mismatches = result.mismatches.filter((m) => !ignored(m.slice(0, m.indexOf(":"))));
  const judgedBefore = (t: TableFingerprint) => migrated.has(tableKey(t)) && !writtenByRestore(tableKey(t));
  mismatches.push(...compareFingerprints(restored.filter(judgedBefore), manifest.tables.filter(judgedBefore)).mismatches);
  return mismatches;
}

/** `verify`: tables against the manifest (counts + checksums), every upload's size and sha256, migrations at the app's level. */
export async function verifyStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  await writeRun(ctx.liveUrl, ctx.req, { step: "verify", status: "running" });
  const manifest = await manifestOf(ctx);
  const mismatches = await tableMismatches(ctx, manifest);
  const uploads = await compareUploads(ctx.names.stagedUploads, manifest.uploads);
  mismatches.push(...uploads.mismatches);
  const applied = new Set(await appliedMigrations(targetUrl(ctx)));
  const live = await appliedMigrations(ctx.liveUrl);
  for (const name of live) if (!applied.has(name)) mismatches.push(`migration ${name}: not applied on ${ctx.names.target}`);
  if (mismatches.length > 0) {
    for (const m of mismatches.slice(0, 20)) await logLine(ctx, "verify", "error", m, sink);
    throw new Error(`verify found ${mismatches.length} difference(s) from the backup's manifest: ${mismatches.slice(0, 3).join("; ")}`);
  }
  await updateState(ctx, { verified: true });
  const message = `${manifest.tables.length} tables and ${uploads.checked} uploads match the manifest`;
  await logLine(ctx, "verify", "info", message, sink);
  return message;
}

/** Drops the opened backup (the dump and uploads copies); the run's state file stays for a later look. */
export async function cleanWorkDir(ctx: RunContext): Promise<void> {
  await rm(path.join(ctx.names.workDir, "open"), { recursive: true, force: true });
  await rm(openedFile(ctx), { force: true });
  if (ctx.state.restoredFingerprintFile) await rm(ctx.state.restoredFingerprintFile, { force: true });
}
