import fs from "node:fs";
import path from "node:path";
import type { DbOpsConfig, ExternalTarget } from "./config.js";
import { hashFile } from "./archive-format.js";
import {
  backupFileName, backupSidecarSchema, isBackupId, manifestOf, recordFromSidecar, sidecarFileName,
  type BackupManifest, type BackupRecord, type BackupSidecar,
} from "./manifest.js";
import { deleteObject, downloadObject, externalClient, getObjectText, headObject, listKeys, putText, uploadFile } from "./external-s3.js";
import { BackupCorruptError } from "./stream-crypto.js";

/** Local layout: `<BACKUP_DIR>/<id>.vsbk`, `<id>.manifest.json`; `.partial` while being written. */
export function localPaths(cfg: Pick<DbOpsConfig, "backupDir">, backupId: string) {
  const file = path.join(cfg.backupDir, backupFileName(backupId));
  return { file, partial: `${file}.partial`, sidecar: path.join(cfg.backupDir, sidecarFileName(backupId)) };
}

export function externalKeys(target: ExternalTarget, backupId: string) {
  return { file: `${target.prefix}${backupFileName(backupId)}`, sidecar: `${target.prefix}${sidecarFileName(backupId)}` };
}

function parseSidecar(text: string, where: string): BackupSidecar | null {
  try {
    return backupSidecarSchema.parse(JSON.parse(text));
  } catch (error) {
    console.warn(`[db-ops] ignoring unreadable backup sidecar ${where}: ${(error as Error).message.slice(0, 200)}`);
    return null;
  }
}

/** The local sidecar of a complete local backup (both files present), else null. */
export async function readLocalSidecar(cfg: DbOpsConfig, backupId: string): Promise<BackupSidecar | null> {
  const { file, sidecar } = localPaths(cfg, backupId);
  if (!fs.existsSync(file) || !fs.existsSync(sidecar)) return null;
  return parseSidecar(await fs.promises.readFile(sidecar, "utf8"), sidecar);
}

/** Writes the sidecar atomically (tmp + rename). */
export async function writeLocalSidecar(cfg: DbOpsConfig, sidecar: BackupSidecar): Promise<void> {
  const target = localPaths(cfg, sidecar.backupId).sidecar;
  const tmp = `${target}.tmp-${process.pid}`;
  await fs.promises.writeFile(tmp, `${JSON.stringify(sidecar, null, 2)}\n`);
  await fs.promises.rename(tmp, target);
}

async function readExternalSidecar(cfg: DbOpsConfig, backupId: string): Promise<BackupSidecar | null> {
  if (!cfg.external) return null;
  const keys = externalKeys(cfg.external, backupId);
  const text = await getObjectText(externalClient(cfg.external), cfg.external.bucket, keys.sidecar);
  return text === null ? null : parseSidecar(text, `s3://${cfg.external.bucket}/${keys.sidecar}`);
}

async function listLocal(cfg: DbOpsConfig): Promise<BackupSidecar[]> {
  if (!fs.existsSync(cfg.backupDir)) return [];
  const ids = (await fs.promises.readdir(cfg.backupDir))
    .filter((name) => name.endsWith(".vsbk"))
    .map((name) => name.slice(0, -".vsbk".length))
    .filter(isBackupId);
  const sidecars = await Promise.all(ids.map((id) => readLocalSidecar(cfg, id)));
  return sidecars.filter((s): s is BackupSidecar => s !== null);
}

/** External copies whose file and sidecar are both present. */
async function listExternal(cfg: DbOpsConfig): Promise<BackupSidecar[]> {
  if (!cfg.external) return [];
  const target = cfg.external;
  const client = externalClient(target);
  const keys = new Set(await listKeys(client, target.bucket, target.prefix));
  const ids = [...keys]
    .filter((key) => key.endsWith(".vsbk"))
    .map((key) => key.slice(target.prefix.length, -".vsbk".length))
    .filter((id) => isBackupId(id) && keys.has(externalKeys(target, id).sidecar));
  const sidecars = await Promise.all(ids.map(async (id) => {
    const text = await getObjectText(client, target.bucket, externalKeys(target, id).sidecar);
    return text === null ? null : parseSidecar(text, `s3://${target.bucket}/${externalKeys(target, id).sidecar}`);
  }));
  return sidecars.filter((s): s is BackupSidecar => s !== null);
}

/** Every complete backup, local and external, merged by id, newest first. */
export async function listBackups(cfg: DbOpsConfig): Promise<BackupRecord[]> {
  const [local, external] = await Promise.all([listLocal(cfg), listExternal(cfg)]);
  const byId = new Map<string, BackupRecord>();
  for (const sidecar of local) byId.set(sidecar.backupId, recordFromSidecar(sidecar, { local: true, external: false }));
  for (const sidecar of external) {
    const known = byId.get(sidecar.backupId);
    byId.set(sidecar.backupId, known ? { ...known, external: true } : recordFromSidecar(sidecar, { local: false, external: true }));
  }
  return [...byId.values()].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}

/** The sidecar's manifest (local, else external). For listing and planning; the file's inner manifest is authoritative. */
export async function readManifest(cfg: DbOpsConfig, backupId: string): Promise<BackupManifest> {
  const sidecar = (await readLocalSidecar(cfg, backupId)) ?? (await readExternalSidecar(cfg, backupId));
  if (!sidecar) throw new Error(`Backup ${backupId} was not found locally${cfg.external ? " nor in the external bucket" : ""}`);
  return manifestOf(sidecar);
}

/** Copies a local backup to the external bucket (file first, sidecar last). Idempotent: HEAD first. */
export async function copyToExternal(cfg: DbOpsConfig, backupId: string): Promise<{ key: string; copied: boolean }> {
  if (!cfg.external) throw new Error("No external target: set BACKUP_S3_BUCKET (and BACKUP_S3_ENDPOINT, keys) or the console's settings");
  const target = cfg.external;
  const local = await readLocalSidecar(cfg, backupId);
  if (!local) throw new Error(`Backup ${backupId} is not stored locally`);
  const client = externalClient(target);
  const keys = externalKeys(target, backupId);
  const [fileHead, sidecarHead] = await Promise.all([headObject(client, target.bucket, keys.file), headObject(client, target.bucket, keys.sidecar)]);
  if (fileHead?.bytes === local.file.bytes && sidecarHead) return { key: keys.file, copied: false };
  await uploadFile(client, target.bucket, keys.file, localPaths(cfg, backupId).file, { metadata: { sha256: local.file.sha256 } });
  await putText(client, target.bucket, keys.sidecar, `${JSON.stringify(local, null, 2)}\n`);
  return { key: keys.file, copied: true };
}

/**
 * A local path for a backup: an existing file path is returned as is; a backup id is looked up locally, else
 * downloaded from the bucket (checked against the sidecar's sha256, then kept as a local copy with its sidecar).
 */
export async function fetchBackupFile(cfg: DbOpsConfig, backupIdOrPath: string): Promise<string> {
  if (!isBackupId(backupIdOrPath)) {
    if (!fs.existsSync(backupIdOrPath) || !fs.statSync(backupIdOrPath).isFile()) throw new Error(`No backup file at ${backupIdOrPath}`);
    return path.resolve(backupIdOrPath);
  }
  const backupId = backupIdOrPath;
  const paths = localPaths(cfg, backupId);
  if (fs.existsSync(paths.file)) return paths.file;
  const sidecar = await readExternalSidecar(cfg, backupId);
  if (!sidecar || !cfg.external) throw new Error(`Backup ${backupId} was not found locally${cfg.external ? " nor in the external bucket" : ""}`);
  await fs.promises.mkdir(cfg.backupDir, { recursive: true });
  const download = `${paths.file}.download-${process.pid}`;
  try {
    await downloadObject(externalClient(cfg.external), cfg.external.bucket, externalKeys(cfg.external, backupId).file, download);
    const { sha256 } = await hashFile(download);
    if (sha256 !== sidecar.file.sha256) throw new BackupCorruptError(`The external copy of ${backupId} does not match its sidecar (sha256 ${sha256.slice(0, 12)}… ≠ ${sidecar.file.sha256.slice(0, 12)}…)`);
    await writeLocalSidecar(cfg, sidecar);
    await fs.promises.rename(download, paths.file);
  } finally {
    await fs.promises.rm(download, { force: true });
  }
  return paths.file;
}

/** Removes a local backup (sidecar first, so it never lists half-deleted). */
export async function deleteLocalBackup(cfg: DbOpsConfig, backupId: string): Promise<void> {
  const paths = localPaths(cfg, backupId);
  await fs.promises.rm(paths.sidecar, { force: true });
  await fs.promises.rm(paths.file, { force: true });
}

export async function deleteExternalBackup(cfg: DbOpsConfig, backupId: string): Promise<void> {
  if (!cfg.external) return;
  const client = externalClient(cfg.external);
  const keys = externalKeys(cfg.external, backupId);
  await deleteObject(client, cfg.external.bucket, keys.sidecar);
  await deleteObject(client, cfg.external.bucket, keys.file);
}
