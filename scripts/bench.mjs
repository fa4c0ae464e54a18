#!/usr/bin/env node
// `npm run bench`: throughput and latency of the repair desk's hot paths against a real stack
// (its own database `voltura_bench`, a fresh in-memory Temporal server). Numbers are printed, not
// asserted: targets live here, not in the tests.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { CommerceClient } from "@voltura/medusa-client";
import { buildAll, migrateAndSeed, startApps } from "./lib/apps.mjs";
import { benchCheckout, prepareCartBaseline } from "./bench-pos.mjs";
import { measure, rssMb } from "./bench/measure.mjs";
import { repoRoot, testEnv } from "./lib/env.mjs";
import { log } from "./lib/log.mjs";
import { stopAll } from "./lib/processes.mjs";
import { psql, stopTemporal } from "./lib/services.mjs";
import { ensureDevServices } from "./lib/stack.mjs";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/**
 * The campaign row: the pacer workflows at 5k and 50k recipients (BENCH_CAMPAIGN_SIZES) in a process
 * of their own, so its peak RSS is the worker's (scripts/bench/campaign.mjs). Its V8 heap has a
 * ceiling (BENCH_WORKER_HEAP_MB, 256): without one V8 grows lazily and RSS says little about what stays.
 */
function benchCampaignPacers() {
  const sizes = process.env.BENCH_CAMPAIGN_SIZES ?? "5000,50000";
  log("test", `campaign pacers at ${sizes} recipients (compressed pacing)…`);
  const child = spawnSync(process.execPath, [`--max-old-space-size=${process.env.BENCH_WORKER_HEAP_MB ?? 256}`, path.join(repoRoot, "scripts", "bench", "campaign.mjs"), sizes], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !last.startsWith("[")) {
    log("test", `campaign bench failed (exit ${child.status}): ${child.stdout.slice(-500)}`);
    return;
  }
  console.table(JSON.parse(last));
}

/**
 * The backup rows: backup and restore of the scaled shop (voltura_scale) through @voltura/db-ops
 * against a plain pg_dump / pg_restore of the same database (scripts/bench/backup.mjs), in a process
 * of its own. Skipped with a line when voltura_scale does not exist; BENCH_BACKUP=off skips it.
 */
function benchBackup() {
  if (process.env.BENCH_BACKUP === "off") return;
  log("test", "backup and restore of the scaled shop vs plain pg_dump / pg_restore…");
  const child = spawnSync(process.execPath, [path.join(repoRoot, "scripts", "bench", "backup.mjs")], { stdio: "inherit" });
  if (child.status !== 0) log("test", `backup bench failed (exit ${child.status})`);
}

/**
 * The Lighthouse rows: /jobs, /pos and /inbox with the desktop and mobile presets on the scaled shop and
 * the demo shop (scripts/bench/lighthouse.mjs), in a process of its own. BENCH_LIGHTHOUSE=off skips it.
 */
function benchLighthouse() {
  if (process.env.BENCH_LIGHTHOUSE === "off") return;
  log("test", "Lighthouse on /jobs, /pos and /inbox, scaled shop vs demo shop…");
  const child = spawnSync(process.execPath, [path.join(repoRoot, "scripts", "bench", "lighthouse.mjs"), "--skip-build"], { stdio: "inherit" });
  if (child.status !== 0) log("test", `Lighthouse bench failed (exit ${child.status})`);
}

async function main() {
  // `npm run bench --scale` reaches here as npm's config flag: the same as `npm run bench:scale`.
  if (process.argv.includes("--scale") || process.env.npm_config_scale === "true") {
    await import("./bench-scale.mjs");
    return;
  }
  const base = testEnv();
  const env = {
    ...base,
    DATABASE_URL: base.DATABASE_URL.replace(/\/voltura_test$/, "/voltura_bench"),
    MEDUSA_PORT: "9200", MEDUSA_URL: "http://127.0.0.1:9200",
    CONSOLE_PORT: "4273", CONSOLE_URL: "http://localhost:4273", ORIGIN: "http://localhost:4273",
    WORKER_HEALTH_PORT: "9420", TEMPORAL_ADDRESS: "127.0.0.1:7253", TEMPORAL_UI_PORT: "8253",
  };
  stopTemporal(7253);
  await ensureDevServices(env, { freshDatabase: true });
  await buildAll(env);
  await migrateAndSeed(env);
  const baselineBlocker = await prepareCartBaseline(env);
  const apps = await startApps(env, { logDir: path.join(repoRoot, ".data", "bench-logs") });

  const managerId = psql("SELECT id FROM \"user\" WHERE email = 'manager@voltura.demo'", "voltura_bench");
  const client = new CommerceClient({ baseUrl: env.MEDUSA_URL, jwtSecret: env.JWT_SECRET, actor: { id: managerId, role: "manager", name: "Bench" } });
  const phones = ["012-345 6789", "016-220 1144", "019-887 6650", "011-2345 6789"];

  const rows = [];
  rows.push(await measure("repair intake (POST /admin/repair-jobs → Medusa workflow + Temporal start)", REQUESTS, CONCURRENCY, (i) =>
    client.createRepairJob({ customer: { name: `Bench ${i}`, phone: phones[i % phones.length] }, device_type: "phone", brand: "Apple", model: `iPhone ${i % 15}`, issue: "Benchmark intake" })));
  const { repair_jobs: jobs } = await client.listRepairJobs({ status: "pending", limit: 200 });
  rows.push(await measure("status change (POST …/status → workflow + Temporal signal)", Math.min(REQUESTS, jobs.length), CONCURRENCY, (i) =>
    client.changeRepairJobStatus(jobs[i].id, { status: "in_progress" })));
  rows.push(await measure("job list (GET /admin/repair-jobs?limit=50)", REQUESTS, CONCURRENCY, () => client.listRepairJobs({ limit: 50 })));
  rows.push(await measure("job search (GET /admin/repair-jobs?q=6789)", REQUESTS, CONCURRENCY, () => client.listRepairJobs({ q: "6789", limit: 20 })));

  rows.push(...await benchCheckout({ env, client, measure, requests: REQUESTS, concurrency: CONCURRENCY, database: "voltura_bench", baselineBlocker }));

  console.table(rows);
  for (const [name, child] of Object.entries(apps)) log("test", `${name} resident memory after the run: ${rssMb(child.pid) ?? "?"} MB`);
  stopAll();
  stopTemporal(7253);
  benchCampaignPacers();
  benchBackup();
  benchLighthouse();
  process.exit(0);
}

main().catch((err) => {
  stopAll();
  console.error(err);
  process.exit(1);
});
