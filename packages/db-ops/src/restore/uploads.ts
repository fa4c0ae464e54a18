import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { cp, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { UploadEntry } from "../manifest.js";

const exists = (p: string) => stat(p).then(() => true, () => false);

/** Moves a file or folder; across file systems (a volume mount) it copies then removes, and a half copy is redone. */
export async function moveEntry(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EISDIR" && code !== "ENOTDIR") throw error;
    await rm(to, { recursive: true, force: true });
    if (code === "EXDEV") {
      await cp(from, to, { recursive: true, preserveTimestamps: true });
      await rm(from, { recursive: true, force: true });
    } else {
      await rename(from, to);
    }
  }
}

/** Moves every entry of `from` into `to` (made if missing). Repeatable: what was moved before a crash is not there any more. */
export async function moveContents(from: string, to: string): Promise<number> {
  await mkdir(to, { recursive: true });
  if (!(await exists(from))) return 0;
  const entries = await readdir(from);
  for (const entry of entries) await moveEntry(path.join(from, entry), path.join(to, entry));
  return entries.length;
}

/** Puts the opened backup's uploads at `staged` in one rename from a `.partial` folder, so `staged` existing means complete. */
export async function stageUploads(openedUploads: string, staged: string): Promise<void> {
  if (await exists(staged)) return;
  const partial = `${staged}.partial`;
  await rm(partial, { recursive: true, force: true });
  if (await exists(openedUploads)) await moveEntry(openedUploads, partial);
  else await mkdir(partial, { recursive: true });
  await rename(partial, staged);
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(root, full)));
    else found.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return found;
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file).on("error", reject).on("data", (chunk) => hash.update(chunk)).on("end", () => resolve(hash.digest("hex")));
  });
}

/** Every file of the manifest is there with its size and sha256, and nothing else is. */
export async function compareUploads(dir: string, expected: UploadEntry[]): Promise<{ checked: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  const present = new Set(await exists(dir) ? await listFiles(dir) : []);
  for (const entry of expected) {
    const file = path.join(dir, ...entry.path.split("/"));
    if (!present.has(entry.path)) {
      mismatches.push(`upload ${entry.path}: missing`);
      continue;
    }
    present.delete(entry.path);
    const size = (await stat(file)).size;
    if (size !== entry.bytes) mismatches.push(`upload ${entry.path}: ${size} bytes, manifest says ${entry.bytes}`);
    else if ((await sha256Of(file)) !== entry.sha256) mismatches.push(`upload ${entry.path}: sha256 differs from the manifest`);
  }
  for (const extra of present) mismatches.push(`upload ${extra}: not in the manifest`);
  return { checked: expected.length, mismatches };
}
