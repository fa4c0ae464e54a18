import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import * as tar from "tar";
import { BackupCorruptError } from "./stream-crypto.js";
import type { UploadEntry } from "./manifest.js";

/**
 * The payload inside the encrypted file is a tar (not gzipped: `database.dump` is already compressed by
 * pg_dump, photos and PDFs do not shrink) of:
 *   manifest.json    the authoritative manifest
 *   database.dump    pg_dump custom format
 *   uploads/<path>   every upload file
 */
export const PAYLOAD_MANIFEST = "manifest.json";
export const PAYLOAD_DUMP = "database.dump";
export const PAYLOAD_UPLOADS = "uploads";

/** Lists every regular file under `root` (symlinks and special files skipped) with size and sha256, sorted by path. */
export async function scanUploads(root: string): Promise<UploadEntry[]> {
  if (!fs.existsSync(root)) return [];
  const entries: UploadEntry[] = [];
  const walk = async (dir: string, relative: string): Promise<void> => {
    for (const item of await fs.promises.readdir(dir, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${item.name}` : item.name;
      const full = path.join(dir, item.name);
      if (item.isDirectory()) await walk(full, rel);
      else if (item.isFile()) {
        const { sha256, bytes } = await hashFile(full);
        entries.push({ path: rel, bytes, sha256 });
      }
    }
  };
  await walk(root, "");
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** A pass-through that counts bytes and hashes them (sha256). */
export function createHashingStream(): Transform & { digest(): { sha256: string; bytes: number } } {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { digest: () => ({ sha256: hash.digest("hex"), bytes }) });
}

/**
 * The payload tar as a stream. `stagingDir` holds manifest.json, database.dump and `uploads` (a link to the
 * uploads folder, so uploads are read in place, never copied); `uploadPaths` are the files the manifest lists.
 */
export function packPayload(stagingDir: string, uploadPaths: string[]): AsyncIterable<Buffer> {
  const files = [PAYLOAD_MANIFEST, PAYLOAD_DUMP, ...uploadPaths.map((p) => `${PAYLOAD_UPLOADS}/${p}`)];
  return tar.c({ cwd: stagingDir, portable: true, strict: true, noDirRecurse: true }, files);
}

function allowedEntry(entryPath: string, type: string): boolean {
  if (type !== "File" && type !== "OldFile" && type !== "Directory") return false;
  if (entryPath === PAYLOAD_MANIFEST || entryPath === PAYLOAD_DUMP) return type !== "Directory";
  if (!entryPath.startsWith(`${PAYLOAD_UPLOADS}/`)) return false;
  return !entryPath.split("/").some((part) => part === ".." || part === "");
}

/** Extracts a decrypted payload stream into `workDir`; anything other than the three kinds of entry is refused. */
export function unpackPayload(source: Readable, workDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const refused: string[] = [];
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.destroy();
      reject(error instanceof BackupCorruptError || (error as Error)?.name === "BackupKeyMissingError"
        ? error
        : new BackupCorruptError(`The backup payload is not a valid archive: ${(error as Error)?.message ?? String(error)}`));
    };
    const unpack = tar.x({
      cwd: workDir,
      strict: true,
      preservePaths: false,
      filter: (entryPath, entry) => {
        const type = "type" in entry ? String(entry.type) : "File";
        const clean = entryPath.replace(/\/$/, "");
        if (allowedEntry(clean, type)) return true;
        refused.push(clean);
        return false;
      },
    });
    unpack.on("error", fail);
    source.on("error", fail);
    unpack.on("close", () => {
      if (settled) return;
      settled = true;
      if (refused.length > 0) reject(new BackupCorruptError(`The backup holds unexpected entries: ${refused.slice(0, 5).join(", ")}`));
      else resolve();
    });
    source.pipe(unpack);
  });
}
