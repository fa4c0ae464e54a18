#!/usr/bin/env node
// Developer helpers for working on one area without running the whole `npm test`.
//
//   node scripts/dev-tools.mjs env -- <command…>
//     runs a command with the test profile's environment (DATABASE_URL, TEMPORAL_ADDRESS, secrets…),
//     starting PostgreSQL and the test Temporal server first if they are not running.
//     e.g. node scripts/dev-tools.mjs env -- npx vitest run integration-tests/http/pos-checkout.spec.ts
//     (run it from the repo root; the command runs in the current directory given by --cwd DIR)
//
//   node scripts/dev-tools.mjs e2e <slot 1-9> [playwright args…]
//     a private stack in "slot" N: its own database voltura_e2e_N (fresh, migrated, seeded), its own
//     Temporal namespace, ports commerce 9200+N / console 4200+N / worker health 9500+N / fake Graph API 9700+N; runs
//     Playwright with the given args (e.g. e2e/pos-counter.spec.ts) against it, then stops it.
//     Several slots can run at once. Build first (npx turbo run build).
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateAndSeed, startApps } from "./lib/apps.mjs";
import { repoRoot, testEnv } from "./lib/env.mjs";
import { localDatabaseUrl } from "./lib/services.mjs";
import { run, stopAllAndWait, onUnexpectedExit } from "./lib/processes.mjs";
import { ensureDevServices } from "./lib/stack.mjs";

const [mode, ...rest] = process.argv.slice(2);

async function envMode() {
  let cwd = process.cwd();
  const args = [...rest];
  const cwdAt = args.indexOf("--cwd");
  if (cwdAt >= 0) { cwd = path.resolve(args[cwdAt + 1]); args.splice(cwdAt, 2); }
  const sep = args.indexOf("--");
  const cmd = sep >= 0 ? args.slice(sep + 1) : args;
  const env = testEnv();
  await ensureDevServices(env);
  const code = await run("env", cmd[0], cmd.slice(1), { cwd, env, mustSucceed: false });
  process.exit(code);
}

async function e2eMode() {
  const slot = Number(rest[0]);
  if (!Number.isInteger(slot) || slot < 1 || slot > 9) throw new Error("e2e needs a slot number 1-9");
  const base = testEnv();
  const env = {
    ...base,
    DATABASE_URL: localDatabaseUrl(`voltura_e2e_${slot}`),
    TEMPORAL_NAMESPACE: `voltura-e2e-${slot}`,
    MEDUSA_PORT: String(9200 + slot),
    MEDUSA_URL: `http://127.0.0.1:${9200 + slot}`,
    CONSOLE_PORT: String(4200 + slot),
    CONSOLE_URL: `http://localhost:${4200 + slot}`,
    ORIGIN: `http://localhost:${4200 + slot}`,
    WORKER_HEALTH_PORT: String(9500 + slot),
    WHATSAPP_GRAPH_URL: `http://127.0.0.1:${9700 + slot}`,
    // Operations: back up and restore this slot's database only, with its own folders (a restore swaps them).
    BACKUP_DATABASE_URL: localDatabaseUrl(`voltura_e2e_${slot}`),
    BACKUP_DIR: path.join(repoRoot, ".data", `e2e-slot-${slot}`, "backups"),
    UPLOADS_DIR: path.join(repoRoot, ".data", `e2e-slot-${slot}`, "uploads"),
  };
  // A fresh database: the slot's backups and uploads (and those a restore set aside) belong to earlier runs.
  const slotDir = path.dirname(env.BACKUP_DIR);
  for (const name of existsSync(slotDir) ? readdirSync(slotDir) : []) {
    if (name === "backups" || name.startsWith("uploads")) rmSync(path.join(slotDir, name), { recursive: true, force: true });
  }
  mkdirSync(env.UPLOADS_DIR, { recursive: true });
  await ensureDevServices(env, { freshDatabase: true });
  let code = 1;
  try {
    await migrateAndSeed(env);
    onUnexpectedExit((message) => console.error(message));
    await startApps(env, { logDir: path.join(repoRoot, ".data", `e2e-slot-${slot}`) });
    console.log(`[e2e] slot ${slot} up: console ${env.CONSOLE_URL}, commerce ${env.MEDUSA_URL}; logs .data/e2e-slot-${slot}/apps.log`);
    code = await run("e2e", "npx", ["playwright", "test", ...rest.slice(1)], { cwd: path.join(repoRoot, "storefront-admin"), env, mustSucceed: false });
  } finally {
    await stopAllAndWait();
  }
  process.exit(code);
}

if (mode === "env") await envMode();
else if (mode === "e2e") await e2eMode();
else { console.error("usage: node scripts/dev-tools.mjs env [--cwd DIR] -- <cmd…> | e2e <slot> [playwright args…]"); process.exit(2); }
