#!/usr/bin/env node
// `npm start`: services, build, migrations, the demo shop, then commerce + worker + console.
import { buildAll, migrateAndSeed, startApps } from "./lib/apps.mjs";
import path from "node:path";
import { devEnv, repoRoot } from "./lib/env.mjs";
import { fail, log } from "./lib/log.mjs";
import { onShutdown, stopAll } from "./lib/processes.mjs";
import { ensureDevServices } from "./lib/stack.mjs";
import { DEMO_SIGN_INS } from "./lib/demo.mjs";

const started = Date.now();
const env = await ensureDevServices(devEnv());
log("commerce", "building (cached after the first run)…");
await buildAll(env);
log("commerce", "migrating and seeding the demo shop…");
await migrateAndSeed({ ...env, VOLTURA_DEMO_RUNNING_CAMPAIGN: "1" });
onShutdown(() => log("console", "stopped"));
const logDir = path.join(repoRoot, ".data", "logs");
try {
  await startApps(env, { logDir });
} catch (err) {
  stopAll();
  fail(String(err instanceof Error ? err.message : err));
}

const seconds = Math.round((Date.now() - started) / 1000);
console.log(`
\x1b[1mVoltura Service Hub is running\x1b[0m (ready in ${seconds}s) — Ctrl+C stops it.

  Staff console     ${env.CONSOLE_URL}
  Commerce API      ${env.MEDUSA_URL}   (Medusa REST; /health)
  Temporal UI       ${env.TEMPORAL_UI_URL}/namespaces/${env.TEMPORAL_NAMESPACE}/workflows
  PostgreSQL        ${env.DATABASE_URL}
  Logs              ${path.join(logDir, "apps.log")}

  Demo sign-ins (password ${DEMO_SIGN_INS.password}):
${DEMO_SIGN_INS.accounts.map((a) => `    ${a.role.padEnd(11)} ${a.email}`).join("\n")}
`);
