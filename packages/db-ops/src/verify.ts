import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DbOpsConfig } from "./config.js";
import { hashFile } from "./archive-format.js";
import { backupIdSchema } from "./manifest.js";
import { diffMigrations, appliedMigrations } from "./migrations-list.js";
import { openBackup } from "./open-backup.js";
import { databaseUrlFor, dropDatabaseIfExists, PgToolError } from "./pg.js";
import { compareWithManifest, restoreDumpInto } from "./restore-dump.js";
import { localPaths, readLocalSidecar, writeLocalSidecar } from "./storage.js";
import { BackupCorruptError, BackupKeyMissingError } from "./stream-crypto.js";

export interface RestoreTestResult {
  backupId: string;
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  migrationsOk: boolean;
  tablesChecked: number;
  uploadsChecked: number;
  mismatches: string[];
}

export interface VerifyTimings { openMs: number; restoreMs: number; compareMs: number; dropMs: number; totalMs: number }
/** The result plus figures for the bench and logs, and notes that do not fail the test (a sidecar that disagreed). */
export type VerifiedBackup = RestoreTestResult & { bytes: number; timings: VerifyTimings; warnings: string[] };

const since = (start: number) => Math.round(performance.now() - start);

/** A sidecar that disagrees with the file's inner manifest is rewritten from it: the inner manifest wins. */
async function repairSidecar(cfg: DbOpsConfig, backupId: string, inner: Awaited<ReturnType<typeof openBackup>>["manifest"]): Promise<string[]> {
  const sidecar = await readLocalSidecar(cfg, backupId);
  if (!sidecar) return [];
  const { file: _file, ...sidecarManifest } = sidecar;
  const file = await hashFile(localPaths(cfg, backupId).file);
  const same = JSON.stringify(sidecarManifest) === JSON.stringify(inner) && file.sha256 === sidecar.file.sha256 && file.bytes === sidecar.file.bytes;
  if (same) return [];
  await writeLocalSidecar(cfg, { ...inner, file });
  return [`the sidecar ${backupId}.manifest.json disagreed with the backup's inner manifest and was rewritten from it`];
}

/**
 * The restore test: restores a backup into a scratch database `voltura_verify_<short>`, checks the applied
 * migrations equal the manifest's, compares every table's count + checksum and every upload's sha256.
 * A corrupt, unreadable or non-matching backup gives ok: false with the reasons; the scratch database and the
 * work folder are always removed.
 */
export async function verifyBackup(cfg: DbOpsConfig, backupId: string): Promise<VerifiedBackup> {
  backupIdSchema.parse(backupId);
  const total = performance.now();
  const startedAt = new Date().toISOString();
  const short = crypto.randomBytes(4).toString("hex");
  const scratch = `voltura_verify_${short}`;
  const workDir = path.join(cfg.backupDir, ".work", `verify-${short}`);
  const timings: VerifyTimings = { openMs: 0, restoreMs: 0, compareMs: 0, dropMs: 0, totalMs: 0 };
  const result: VerifiedBackup = {
    backupId, ok: false, startedAt, finishedAt: startedAt, migrationsOk: false, tablesChecked: 0, uploadsChecked: 0,
    mismatches: [], bytes: 0, timings, warnings: [],
  };
  try {
    let started = performance.now();
    const opened = await openBackup(cfg, backupId, workDir);
    timings.openMs = since(started);
    result.uploadsChecked = opened.manifest.uploads.length;
    const file = localPaths(cfg, backupId).file;
    result.bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
    result.warnings.push(...(await repairSidecar(cfg, backupId, opened.manifest)));

    started = performance.now();
    await restoreDumpInto(cfg, opened.dumpFile, scratch);
    timings.restoreMs = since(started);

    started = performance.now();
    const scratchUrl = databaseUrlFor(cfg.databaseUrl, scratch);
    const migrations = diffMigrations(await appliedMigrations(scratchUrl), opened.manifest.migrations);
    result.migrationsOk = migrations.missing.length === 0 && migrations.extra.length === 0;
    if (migrations.missing.length) result.mismatches.push(`migrations missing after restore: ${migrations.missing.join(", ")}`);
    if (migrations.extra.length) result.mismatches.push(`migrations not in the manifest: ${migrations.extra.join(", ")}`);
    const comparison = await compareWithManifest(scratchUrl, opened.manifest);
    result.tablesChecked = opened.manifest.tables.length;
    result.mismatches.push(...comparison.mismatches);
    timings.compareMs = since(started);
    result.ok = result.mismatches.length === 0;
  } catch (error) {
    if (!(error instanceof BackupCorruptError || error instanceof BackupKeyMissingError || error instanceof PgToolError)) throw error;
    result.ok = false;
    result.mismatches.push(error.message);
  } finally {
    const dropStarted = performance.now();
    await dropDatabaseIfExists(cfg.databaseUrl, scratch).catch((error: Error) => result.warnings.push(`could not drop ${scratch}: ${error.message}`));
    await fs.promises.rm(workDir, { recursive: true, force: true });
    timings.dropMs = since(dropStarted);
    timings.totalMs = since(total);
    result.finishedAt = new Date().toISOString();
  }
  return result;
}
