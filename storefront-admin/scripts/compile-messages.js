// Compiles project.inlang + messages/ into src/lib/paraglide (what `$lib/paraglide/*` imports).
// Compiles into a scratch folder first, then replaces only the files whose content changed, each by
// an atomic rename, and never empties the folder: a vite/vitest/svelte-check run reading it at the
// same moment never sees it half-written.
import { mkdtemp, readdir, readFile, rename, rm, unlink, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { compile } from "@inlang/paraglide-js";
import { paraglideOptions } from "../paraglide.config.js";

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

const outdir = resolve(paraglideOptions.outdir);
const scratch = await mkdtemp(join(tmpdir(), "paraglide-"));
try {
  await compile({ ...paraglideOptions, outdir: scratch, cleanOutdir: true });
  const fresh = await filesUnder(scratch);
  const keep = new Set();
  for (const file of fresh) {
    const name = relative(scratch, file);
    keep.add(name);
    const target = join(outdir, name);
    const content = await readFile(file);
    const current = await readFile(target).catch(() => null);
    if (current && current.equals(content)) continue;
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
  }
  for (const file of await filesUnder(outdir)) {
    if (!keep.has(relative(outdir, file)) && !file.endsWith(".tmp")) await unlink(file).catch(() => {});
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
