#!/usr/bin/env node
// `npm run update`: the single-machine update path of deploy/README.md — a backup first, then
// `git pull --ff-only`, `npm ci`, build, migrate — and then asks for a restart (a running platform keeps
// the old code until then). Refuses, changing nothing, when the checkout has local changes or no upstream.
// A failure after the pull prints how to go back to the previous version and the backup.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { createBackup, newBackupId } from "@voltura/db-ops";
import { repoRoot } from "../lib/env.mjs";
import { mb, operationsConfig } from "./ops-config.mjs";

const git = (...args) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trimEnd();

function refuse(message) {
  console.error(`✖ ${message}`);
  process.exit(2);
}

function step(title, cmd, args, options = {}) {
  console.log(`\n▸ ${title}: ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

const changes = git("status", "--porcelain");
if (changes) {
  const lines = changes.split("\n");
  refuse(`This checkout has local changes, so an update could mix them with the new version. Nothing was changed.\n` +
    `${lines.slice(0, 10).map((l) => `    ${l}`).join("\n")}${lines.length > 10 ? `\n    … and ${lines.length - 10} more` : ""}\n` +
    `  Commit or remove them (git status), then run npm run update again.`);
}
let upstream;
try {
  upstream = git("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}");
} catch {
  refuse("This branch follows no remote branch (git branch --set-upstream-to=origin/main), so there is nothing to pull from.");
}

const before = git("rev-parse", "HEAD");
const { env, cfg } = await operationsConfig();
console.log(`▸ Backup of ${new URL(cfg.databaseUrl).pathname.slice(1)} before updating…`);
const backup = await createBackup(cfg, { backupId: newBackupId("manual", new Date()), kind: "manual" });
console.log(`  ${backup.backupId}: ${backup.rowCount} rows, ${backup.uploadCount} uploads, ${mb(backup.bytes)}`);

try {
  step("Pull", "git", ["pull", "--ff-only"]);
  const after = git("rev-parse", "HEAD");
  if (after === before) {
    console.log(`\nAlready up to date with ${upstream} (${after.slice(0, 10)}). Nothing else to do.`);
    process.exit(0);
  }
  step("Dependencies", "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  step("Build", "npm", ["run", "build", "--", "--output-logs=errors-only"]);
  step("Migrations", path.join(repoRoot, "node_modules", ".bin", "medusa"), ["db:migrate", "--execute-safe-links"],
    { cwd: path.join(repoRoot, "commerce"), env: { ...process.env, ...env } });
  console.log(`\n✔ Updated ${before.slice(0, 10)} → ${after.slice(0, 10)}. Restart the platform now (stop \`npm start\` and start it again) to run the new version.`);
} catch (error) {
  console.error(`\n✖ ${error.message}. The shop's data is in backup ${backup.backupId}. To go back to the version from before:`);
  console.error(`    git reset --hard ${before} && npm ci && npm run build && npm run restore -- ${backup.backupId}`);
  process.exit(1);
}
