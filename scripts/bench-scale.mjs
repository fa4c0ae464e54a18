#!/usr/bin/env node
// `npm run bench:scale` (or `npm run bench --scale`): the console's reads at two sizes, side by side —
// the demo shop (`voltura_bench`) and five years of a busy shop (`voltura_scale`, made once by
// `npm run seed:scale` on top of the demo shop and kept between runs). Only commerce runs; every
// request is made with 8 concurrent clients. Printed, not asserted: the targets live here.
// Options: --requests N (200), --concurrency N (8), --only <regex>, --sizes demo,scale,
// --root <checkout> (measure another build of the app, e.g. an older commit, on the same data),
// --demo-db / --scale-db <name>, --no-seed (use the databases as they are), --skip-build, --label <name>.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPAIR_STATUSES } from "@voltura/domain";
import { CommerceClient } from "@voltura/medusa-client";
import { z } from "zod";
import { buildAll, commerceProcessEnv } from "./lib/apps.mjs";
import { repoRoot } from "./lib/env.mjs";
import { log } from "./lib/log.mjs";
import { startProcess, stopAllAndWait, waitForHttp } from "./lib/processes.mjs";
import { psql, stopTemporal } from "./lib/services.mjs";
import { ensureDevServices } from "./lib/stack.mjs";
import { rssMb, timeRequests, watchPeakRss } from "./bench/measure.mjs";
import { dashboardCalls, pickValues, scaleQueries, TARGETS } from "./bench/scale-queries.mjs";
import { benchEnvFor, prepareSizedDatabase, reportDaysReady } from "./bench/sized-db.mjs";

const { values: opts } = parseArgs({
  options: {
    requests: { type: "string", default: process.env.BENCH_REQUESTS ?? "200" },
    concurrency: { type: "string", default: process.env.BENCH_CONCURRENCY ?? "8" },
    only: { type: "string" }, sizes: { type: "string", default: "demo,scale" },
    root: { type: "string", default: repoRoot }, label: { type: "string", default: "current" },
    "demo-db": { type: "string", default: "voltura_bench" }, "scale-db": { type: "string", default: "voltura_scale" },
    "no-seed": { type: "boolean", default: false }, "skip-build": { type: "boolean", default: false },
    scale: { type: "boolean", default: true },
  },
});
const REQUESTS = Number(opts.requests);
const CONCURRENCY = Number(opts.concurrency);
const WARMUP = 16;
const root = path.resolve(opts.root);
const medusa = path.join(root, "node_modules", ".bin", "medusa");
const commerceDir = path.join(root, "commerce");

const envFor = (database) => benchEnvFor(database);
const prepare = (size, database, env) => prepareSizedDatabase(size, database, env, { root, seed: !opts["no-seed"] });

async function measureSize(size, database) {
  const env = envFor(database);
  await ensureDevServices(env);
  log("bench", `${size}: preparing ${database}`);
  await prepare(size, database, env);
  const values = pickValues(database);
  const commerce = startProcess("commerce", medusa, ["start"], { cwd: commerceDir, env: { ...commerceProcessEnv(env), PORT: env.MEDUSA_PORT, HOST: "127.0.0.1" } });
  await waitForHttp(`${env.MEDUSA_URL}/health`, "The commerce core");
  await reportDaysReady(database);
  const rss = watchPeakRss(commerce.pid);
  const managerId = psql("SELECT id FROM \"user\" WHERE email = 'manager@voltura.demo'", database);
  const client = new CommerceClient({ baseUrl: env.MEDUSA_URL, jwtSecret: env.JWT_SECRET, actor: { id: managerId, role: "manager", name: "Bench" } });
  const get = (p) => client.request("GET", p, z.unknown());
  const results = {};
  for (const [name, group, route] of scaleQueries(values)) {
    if (opts.only && !new RegExp(opts.only, "i").test(name)) continue;
    if (!route) {
      results[name] = { group, error: "skipped: nothing to ask for in this database" };
      log("bench", `${size}: ${name}: skipped (the database has no such row, e.g. no campaign with recipients)`);
      continue;
    }
    let task = () => get(route);
    try {
      await get(route);
    } catch (err) {
      if ((err.status === 404 || err.status === 403) && route === "/admin/dashboard") {
        task = () => Promise.all(dashboardCalls(REPAIR_STATUSES).map(get));
        task.composite = true;
      }
      else {
        results[name] = { group, error: err.status === 403 || err.status === 404 ? "no such route" : `${err.status ?? ""} ${err.message}`.trim() };
        log("bench", `${size}: ${name}: ${results[name].error}`);
        continue;
      }
    }
    await timeRequests(WARMUP, CONCURRENCY, task);
    const r = await timeRequests(REQUESTS, CONCURRENCY, task);
    const rssAfter = rssMb(commerce.pid);
    results[name] = { group, p50: r.p50, p95: r.p95, rps: REQUESTS / r.seconds, rss: rssAfter, ...(task.composite ? { composite: true } : {}) };
    log("bench", `${size}: ${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, commerce ${rssAfter} MB`);
  }
  const peakRss = rss.peak();
  rss.stop();
  await stopAllAndWait();
  return { results, peakRss, values };
}

function table(bySize) {
  const names = [...new Set(Object.values(bySize).flatMap((s) => Object.keys(s.results)))];
  return names.map((name) => {
    const row = { request: name };
    let group;
    for (const [size, { results }] of Object.entries(bySize)) {
      const r = results[name];
      group ??= r?.group;
      row[`${size} p50`] = r?.p50 === undefined ? (r?.error ?? "–") : r.p50.toFixed(1);
      row[`${size} p95`] = r?.p95 === undefined ? "–" : r.p95.toFixed(1);
    }
    const target = TARGETS[group];
    const big = bySize.scale?.results[name];
    row["target p95"] = target;
    row.met = big?.p95 === undefined ? "–" : big.p95 <= target ? "yes" : "no";
    return row;
  });
}

async function main() {
  stopTemporal(7253);
  if (!opts["skip-build"] && root === repoRoot) await buildAll(envFor(opts["demo-db"]));
  const bySize = {};
  for (const size of opts.sizes.split(",")) bySize[size] = await measureSize(size, size === "scale" ? opts["scale-db"] : opts["demo-db"]);
  console.table(table(bySize));
  for (const [size, s] of Object.entries(bySize)) log("bench", `${size}: commerce peak resident memory ${s.peakRss} MB`);
  const out = path.join(repoRoot, ".data", "bench-logs", `scale-${opts.label}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ label: opts.label, root, requests: REQUESTS, concurrency: CONCURRENCY, bySize }, null, 2));
  log("bench", `results in ${path.relative(repoRoot, out)}`);
  stopTemporal(7253);
  process.exit(0);
}

main().catch(async (err) => {
  console.error(err);
  await stopAllAndWait();
  stopTemporal(7253);
  process.exit(1);
});
