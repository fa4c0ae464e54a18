#!/usr/bin/env node
// `npm run chaos`: crash safety against a real stack of its own (database `voltura_chaos`, an
// in-memory Temporal server on :7259 with namespace `voltura-chaos`, commerce :9209, worker health
// :9509). For each flow, concurrent clients retry their requests with the same idempotency keys while
// the flow's processes are SIGKILLed at random moments and restarted; then every invariant is
// checked. One table row per flow; exit 1 when any invariant fails. Options: scripts/chaos/options.mjs.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildAll, migrateAndSeed } from "./lib/apps.mjs";
import { repoRoot, testEnv } from "./lib/env.mjs";
import { log } from "./lib/log.mjs";
import { stopTemporal } from "./lib/services.mjs";
import { ensureDevServices } from "./lib/stack.mjs";
import { sqlClient, literal } from "./chaos/db.mjs";
import { FLOWS } from "./chaos/flows/index.mjs";
import { apiCaller } from "./chaos/http.mjs";
import { readOptions } from "./chaos/options.mjs";
import { seededRandom } from "./chaos/random.mjs";
import { runFlow } from "./chaos/runner.mjs";
import { ChaosStack } from "./chaos/stack.mjs";

const TEMPORAL_PORT = 7259;
const logDir = path.join(repoRoot, ".data", "chaos-logs");

function chaosEnv() {
  const base = testEnv();
  const database = new URL(base.DATABASE_URL);
  database.pathname = "/voltura_chaos";
  return {
    ...base,
    DATABASE_URL: database.toString(),
    TEMPORAL_ADDRESS: base.TEMPORAL_GIVEN ? base.TEMPORAL_ADDRESS : `127.0.0.1:${TEMPORAL_PORT}`,
    TEMPORAL_UI_PORT: "8259", TEMPORAL_NAMESPACE: "voltura-chaos",
    MEDUSA_PORT: "9209", MEDUSA_URL: "http://127.0.0.1:9209",
    CONSOLE_PORT: "4209", CONSOLE_URL: "http://localhost:4209", ORIGIN: "http://localhost:4209",
    WORKER_HEALTH_PORT: "9509",
    MAIL_OUTBOX_DIR: path.join(repoRoot, ".data", "outbox-chaos"),
    // What the WhatsApp simulator hands to "WhatsApp", kept across kills (flows/whatsapp-send.mjs).
    WHATSAPP_SIMULATOR_WIRE_LOG: path.join(logDir, "whatsapp-wire.jsonl"),
  };
}

function staffId(sql, email) {
  const id = sql.value(`SELECT id FROM "user" WHERE email = ${literal(email)} AND deleted_at IS NULL`);
  if (!id) throw new Error(`the seeded staff member ${email} is missing`);
  return id;
}

async function main() {
  const opts = readOptions(process.argv.slice(2), process.env, FLOWS.map((f) => f.name));
  const flows = FLOWS.filter((f) => opts.flows.includes(f.name));
  const env = chaosEnv();
  log("test", `chaos: flows ${opts.flows.join(", ")}; ${opts.tills} client(s) × ${opts.sales}, ${opts.kills} kill(s) per flow, seed ${opts.seed}`);
  const t0 = Date.now();

  const stack = new ChaosStack(env, { logDir });
  const stopEverything = async () => {
    await stack.stop();
    if (!env.TEMPORAL_GIVEN) stopTemporal(TEMPORAL_PORT);
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stopEverything().finally(() => process.exit(130)));

  const rows = [];
  const failed = [];
  try {
    if (!env.TEMPORAL_GIVEN) stopTemporal(TEMPORAL_PORT);
    await new Promise((r) => setTimeout(r, 1000));
    await ensureDevServices(env, { freshDatabase: true });
    if (opts.skipBuild) log("test", "chaos: build skipped (--skip-build): using the current build output");
    else await buildAll(env);
    await migrateAndSeed(env);
    const setupSeconds = (Date.now() - t0) / 1000;
    const needs = [...new Set(flows.flatMap((f) => f.needs))];
    await Promise.all(needs.map((name) => stack.start(name)));
    log("test", `chaos: ${needs.join(" + ")} up after ${((Date.now() - t0) / 1000).toFixed(0)} s (setup ${setupSeconds.toFixed(0)} s); logs in ${logDir}`);
    const sql = sqlClient(env.DATABASE_URL);
    const actors = {
      cashier: { id: staffId(sql, "cashier@voltura.demo"), role: "cashier", name: "Chaos Cashier" },
      manager: { id: staffId(sql, "manager@voltura.demo"), role: "manager", name: "Chaos Manager" },
      system: { id: "system:chaos", role: "system", name: "chaos" },
    };
    const rng = seededRandom(opts.seed);
    const runId = `${opts.seed.toString(36)}${Date.now().toString(36).slice(-4)}`;
    for (const flow of flows) {
      const ctx = {
        env, opts, rng, runId, actors, sql, stack, state: {},
        call: apiCaller({ baseUrl: env.MEDUSA_URL, jwtSecret: env.JWT_SECRET }),
        jitter: (ms) => Math.floor((Math.random() * ms) / 2),
        log: (message) => log("test", message),
      };
      try {
        // A flow before this one may have left a process down (it did not come back).
        for (const name of flow.needs) if (!stack.isUp(name)) await stack.kill(name).then(() => stack.start(name));
        const result = await runFlow(flow, ctx);
        rows.push(result.row);
        for (const failure of result.failures) failed.push(`${flow.name}: ${failure}`);
      } catch (err) {
        rows.push({ flow: flow.name, verdict: "ERROR" });
        failed.push(`${flow.name}: harness: ${err.stack ?? err}`);
      }
    }
  } catch (err) {
    failed.push(`harness: ${err.stack ?? err}`);
  } finally {
    await stopEverything();
  }

  console.log();
  if (rows.length) console.table(rows);
  for (const failure of failed) console.log(`  ✖ ${failure}`);
  writeFileSync(path.join(logDir, "report.json"), JSON.stringify({ options: opts, rows, failures: failed }, null, 2));
  console.log(`chaos: ${failed.length ? `${failed.length} invariant(s) failed` : "every invariant held"} in ${((Date.now() - t0) / 1000).toFixed(0)} s (seed ${opts.seed})`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
