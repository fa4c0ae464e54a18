import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { loadKeyRing } from "@voltura/keyring";
import type { DbOpsConfig } from "./config.js";
import { createHashingStream, hashFile, packPayload, PAYLOAD_DUMP, PAYLOAD_MANIFEST, PAYLOAD_UPLOADS, scanUploads } from "./archive-format.js";
import { fingerprintWith } from "./fingerprint.js";
import { BACKUP_FORMAT, backupIdSchema, parseBackupId, recordFromSidecar, type BackupKind, type BackupManifest, type BackupRecord } from "./manifest.js";
import { appliedMigrationsWith } from "./migrations-list.js";
import { databaseNameOf, runPgTool, withClient } from "./pg.js";
import { createEncryptStream } from "./stream-crypto.js";
import { localPaths, readLocalSidecar, writeLocalSidecar } from "./storage.js";

export interface BackupTimings { snapshotMs: number; dumpMs: number; fingerprintMs: number; uploadsMs: number; encryptMs: number; totalMs: number }

/** What createBackup returns: the record, plus figures for the bench and logs (zero when the backup already existed). */
export type CreatedBackup = BackupRecord & { reused: boolean; dumpBytes: number; uploadBytes: number; timings: BackupTimings };

const ZERO_TIMINGS: BackupTimings = { snapshotMs: 0, dumpMs: 0, fingerprintMs: 0, uploadsMs: 0, encryptMs: 0, totalMs: 0 };

export class BackupInProgressError extends Error {
  constructor(backupId: string, pid: number) {
    super(`Backup ${backupId} is already being written (process ${pid})`);
    this.name = "BackupInProgressError";
  }
}

/** One writer per backup id: a lock file holding the pid; a lock left by a dead process is taken over. */
async function acquireLock(lockFile: string, backupId: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.promises.writeFile(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname() }), { flag: "wx" });
      return () => fs.promises.rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = JSON.parse(await fs.promises.readFile(lockFile, "utf8").catch(() => "{}")) as { pid?: number; host?: string };
      if (holder.pid && holder.host === os.hostname() && processAlive(holder.pid)) throw new BackupInProgressError(backupId, holder.pid);
      await fs.promises.rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const since = (start: number) => Math.round(performance.now() - start);

/** Database dump, fingerprint and migrations under one exported snapshot, so counts, checksums and dump agree. */
async function dumpUnderSnapshot(cfg: DbOpsConfig, dumpFile: string, timings: BackupTimings) {
  return withClient(cfg.databaseUrl, async (client) => {
    let started = performance.now();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      const snapshot = rows[0]?.snapshot;
      if (!snapshot) throw new Error("PostgreSQL exported no snapshot");
      timings.snapshotMs = since(started);
      started = performance.now();
      const dump = runPgTool(cfg, "pg_dump", ["--format=custom", `--snapshot=${snapshot}`, `--file=${dumpFile}`], cfg.databaseUrl)
        .then(() => { timings.dumpMs = since(started); });
      const fingerprint = (async () => {
        const tables = await fingerprintWith(client);
        const migrations = await appliedMigrationsWith(client);
        timings.fingerprintMs = since(started);
        return { tables, migrations };
      })();
      const [, facts] = await Promise.all([dump, fingerprint]);
      return facts;
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
    }
  });
}

/**
 * Takes one backup: database (pg_dump -Fc) + uploads + manifest, as a tar encrypted with the current backup key,
 * written as `<id>.vsbk.partial` and renamed when whole, with its sidecar. Idempotent per backup id.
 */
export async function createBackup(cfg: DbOpsConfig, input: { backupId: string; kind: BackupKind }): Promise<CreatedBackup> {
  const backupId = backupIdSchema.parse(input.backupId);
  if (parseBackupId(backupId).kind !== input.kind) throw new Error(`Backup id ${backupId} does not match kind ${input.kind}`);
  await fs.promises.mkdir(cfg.backupDir, { recursive: true });
  const existing = await readLocalSidecar(cfg, backupId);
  if (existing) return { ...recordFromSidecar(existing, { local: true, external: false }), reused: true, dumpBytes: existing.dump?.bytes ?? 0, uploadBytes: 0, timings: ZERO_TIMINGS };

  const paths = localPaths(cfg, backupId);
  const release = await acquireLock(`${paths.file}.lock`, backupId);
  const staging = path.join(cfg.backupDir, ".work", `${backupId}-${crypto.randomBytes(3).toString("hex")}`);
  const total = performance.now();
  const timings: BackupTimings = { ...ZERO_TIMINGS };
  try {
    const { id: keyId, key } = loadKeyRing({ file: cfg.keysFile }).current("backup");
    await fs.promises.mkdir(staging, { recursive: true });
    const startedAt = new Date().toISOString();
    const dumpFile = path.join(staging, PAYLOAD_DUMP);
    const uploadsStarted = performance.now();
    const [facts, uploads] = await Promise.all([
      dumpUnderSnapshot(cfg, dumpFile, timings),
      scanUploads(cfg.uploadsDir).then((list) => { timings.uploadsMs = since(uploadsStarted); return list; }),
    ]);
    const dump = await hashFile(dumpFile);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, backupId, kind: input.kind, appVersion: cfg.appVersion, migrations: facts.migrations,
      tables: facts.tables, uploads, startedAt, finishedAt: new Date().toISOString(), keyId,
      database: databaseNameOf(cfg.databaseUrl), dump,
    };
    await fs.promises.writeFile(path.join(staging, PAYLOAD_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    if (fs.existsSync(cfg.uploadsDir)) await fs.promises.symlink(path.resolve(cfg.uploadsDir), path.join(staging, PAYLOAD_UPLOADS), "dir");
    else await fs.promises.mkdir(path.join(staging, PAYLOAD_UPLOADS));

    const encryptStarted = performance.now();
    const hashing = createHashingStream();
    await pipeline(packPayload(staging, uploads.map((u) => u.path)), createEncryptStream(key, keyId), hashing, fs.createWriteStream(paths.partial));
    const handle = await fs.promises.open(paths.partial, "r+");
    await handle.sync().finally(() => handle.close());
    timings.encryptMs = since(encryptStarted);
    const file = hashing.digest();

    await writeLocalSidecar(cfg, { ...manifest, file });
    await fs.promises.rename(paths.partial, paths.file);
    timings.totalMs = since(total);
    return {
      ...recordFromSidecar({ ...manifest, file }, { local: true, external: false }),
      reused: false, dumpBytes: dump.bytes, uploadBytes: uploads.reduce((sum, u) => sum + u.bytes, 0), timings,
    };
  } catch (error) {
    await fs.promises.rm(paths.partial, { force: true });
    throw error;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
    await release();
  }
}
