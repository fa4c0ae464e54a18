import fs from "node:fs";
import path from "node:path";
import { loadKeyRing } from "@voltura/keyring";
import type { DbOpsConfig } from "./config.js";
import { hashFile, PAYLOAD_DUMP, PAYLOAD_MANIFEST, PAYLOAD_UPLOADS, scanUploads, unpackPayload } from "./archive-format.js";
import { backupManifestSchema, isBackupId, type BackupManifest } from "./manifest.js";
import { fetchBackupFile } from "./storage.js";
import { BackupCorruptError, createDecryptStream } from "./stream-crypto.js";

export interface OpenedBackup { manifest: BackupManifest; dumpFile: string; uploadsDir: string }

/** Pure: how the extracted parts differ from the manifest (dump and every upload: presence, size, sha256; no extras). */
export function partsMismatches(manifest: BackupManifest, dump: { bytes: number; sha256: string } | null,
  uploads: Array<{ path: string; bytes: number; sha256: string }>): string[] {
  const problems: string[] = [];
  if (!manifest.dump) problems.push("the manifest does not record the database dump's sha256");
  else if (!dump) problems.push("database.dump is missing");
  else if (dump.sha256 !== manifest.dump.sha256 || dump.bytes !== manifest.dump.bytes) problems.push("database.dump does not match the manifest's sha256");
  const found = new Map(uploads.map((u) => [u.path, u]));
  for (const want of manifest.uploads) {
    const got = found.get(want.path);
    if (!got) problems.push(`upload ${want.path} is missing`);
    else if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) problems.push(`upload ${want.path} does not match the manifest's sha256`);
    found.delete(want.path);
  }
  for (const extra of found.keys()) problems.push(`upload ${extra} is not in the manifest`);
  return problems;
}

/**
 * Decrypts a backup (id or file path) into `workDir`: every chunk authenticated, then the dump and every upload
 * checked against the inner manifest. Throws BackupCorruptError naming what is wrong.
 */
export async function openBackup(cfg: DbOpsConfig, backupIdOrPath: string, workDir: string): Promise<OpenedBackup> {
  const file = await fetchBackupFile(cfg, backupIdOrPath);
  const ring = loadKeyRing({ file: cfg.keysFile });
  await fs.promises.mkdir(workDir, { recursive: true });
  const manifestFile = path.join(workDir, PAYLOAD_MANIFEST);
  const dumpFile = path.join(workDir, PAYLOAD_DUMP);
  const uploadsDir = path.join(workDir, PAYLOAD_UPLOADS);
  for (const leftover of [manifestFile, dumpFile, uploadsDir]) await fs.promises.rm(leftover, { recursive: true, force: true });

  await unpackPayload(fs.createReadStream(file).pipe(createDecryptStream((id) => ring.get("backup", id))), workDir);

  if (!fs.existsSync(manifestFile)) throw new BackupCorruptError(`${path.basename(file)} holds no manifest.json`);
  const parsed = backupManifestSchema.safeParse(JSON.parse(await fs.promises.readFile(manifestFile, "utf8")));
  if (!parsed.success) throw new BackupCorruptError(`${path.basename(file)} holds an unreadable manifest: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const manifest = parsed.data;
  if (isBackupId(backupIdOrPath) && manifest.backupId !== backupIdOrPath) {
    throw new BackupCorruptError(`${path.basename(file)} holds backup ${manifest.backupId}, not ${backupIdOrPath}`);
  }
  await fs.promises.mkdir(uploadsDir, { recursive: true });
  const dump = fs.existsSync(dumpFile) ? await hashFile(dumpFile) : null;
  const problems = partsMismatches(manifest, dump, await scanUploads(uploadsDir));
  if (problems.length > 0) throw new BackupCorruptError(`${manifest.backupId}: ${problems.slice(0, 10).join("; ")}${problems.length > 10 ? ` (+${problems.length - 10} more)` : ""}`);
  return { manifest, dumpFile, uploadsDir };
}
