#!/usr/bin/env node
// `npm test`: every check and test of the repo, on real PostgreSQL (pgvector), a real Temporal
// server and Chromium. Stages run in order and all run even when one fails; the last line
// sums them up as "total: N passed, N failed".
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildAll, migrateAndSeed, startApps } from "./lib/apps.mjs";
import { repoRoot, testEnv } from "./lib/env.mjs";
import { log } from "./lib/log.mjs";
import { onUnexpectedExit, run, stopAllAndWait } from "./lib/processes.mjs";
import { ensureRedis, stopRedis, stopTemporal } from "./lib/services.mjs";
import { ensureDevServices } from "./lib/stack.mjs";

const resultsDir = path.join(repoRoot, ".data", "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const turbo = path.join(repoRoot, "node_modules", ".bin", "turbo");
const workspaces = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).workspaces.flatMap((w) =>
  w.endsWith("/*") ? readdir(w.slice(0, -2)) : [w],
);

function readdir(dir) {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${dir}/${d.name}`);
}

const stages = [];
function record(name, passed, failed, skipped = 0, seconds = 0) {
  stages.push({ name, passed, failed, skipped, seconds });
  const colour = failed ? 31 : 32;
  log("test", `\x1b[${colour}m${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\x1b[0m (${seconds}s)`);
}

function scripts(ws) {
  const file = path.join(repoRoot, ws, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")).scripts ?? {}) : {};
}

async function timed(fn) {
  const t = Date.now();
  const value = await fn();
  return [value, Math.round((Date.now() - t) / 1000)];
}

/** A turbo task over every workspace counts as one check per workspace that has it. */
async function turboCheck(task) {
  const count = workspaces.filter((ws) => scripts(ws)[task]).length;
  const [code, s] = await timed(() => run("test", turbo, ["run", task, "--output-logs=errors-only", "--continue"], { cwd: repoRoot, mustSucceed: false }));
  record(task, code === 0 ? count : 0, code === 0 ? 0 : 1, 0, s);
}

/** Runs a workspace's vitest script with a JSON report and reads the counts from it. */
async function vitestScript(ws, script, env = {}) {
  const out = path.join(resultsDir, `${ws.replace(/\W+/g, "-")}-${script.replace(/\W+/g, "-")}.json`);
  const [code, s] = await timed(() =>
    run("test", "npm", ["run", script, "--", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
      cwd: path.join(repoRoot, ws), env, mustSucceed: false,
    }),
  );
  if (!existsSync(out)) return record(`${ws} ${script}`, 0, 1, 0, s);
  const report = JSON.parse(readFileSync(out, "utf8"));
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  record(`${ws} ${script}`, report.numPassedTests, failed, report.numPendingTests + report.numTodoTests, s);
}

async function playwright(ws, env) {
  const out = path.join(resultsDir, "e2e.json");
  const [code, s] = await timed(() =>
    run("test", "npm", ["run", "test:e2e", "--", "--reporter=list,json"], {
      cwd: path.join(repoRoot, ws), env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out }, mustSucceed: false,
    }),
  );
  if (!existsSync(out)) return record(`${ws} e2e`, 0, 1, 0, s);
  const { stats } = JSON.parse(readFileSync(out, "utf8"));
  const failed = stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  record(`${ws} e2e`, stats.expected + stats.flaky, failed, stats.skipped, s);
}

/**
 * The short crash-safety run (`npm run chaos -- --short`): every flow, one SIGKILL each, on its own
 * stack; one check per flow from the run's report.
 */
async function chaosShort() {
  const report = path.join(repoRoot, ".data", "chaos-logs", "report.json");
  rmSync(report, { force: true });
  const [code, s] = await timed(() =>
    run("test", process.execPath, [path.join(repoRoot, "scripts", "chaos.mjs"), "--short", "--skip-build"], {
      cwd: repoRoot, mustSucceed: false,
    }),
  );
  if (!existsSync(report)) return record("chaos --short", 0, 1, 0, s);
  const { rows, failures } = JSON.parse(readFileSync(report, "utf8"));
  const failed = rows.filter((r) => r.verdict !== "ok").length + (code !== 0 && failures.length === 0 ? 1 : 0);
  record("chaos --short", rows.length - rows.filter((r) => r.verdict !== "ok").length, failed, 0, s);
}

async function main() {
  const env = testEnv();
  // A fresh in-memory Temporal server and a fresh database for every run.
  stopTemporal(Number(env.TEMPORAL_ADDRESS.split(":")[1]));
  await new Promise((r) => setTimeout(r, 1000));
  await ensureDevServices(env, { freshDatabase: true });
  // Redis only backs the commerce suite that checks the multi-instance (Redis) configuration.
  env.VOLTURA_TEST_REDIS_URL = await ensureRedis();

  const [buildFailed, buildSeconds] = await timed(() => buildAll(env).then(() => 0, (err) => { log("test", String(err)); return 1; }));
  record("build", buildFailed ? 0 : 1, buildFailed, 0, buildSeconds);

  await turboCheck("lint");
  await turboCheck("typecheck");
  for (const ws of workspaces) if (scripts(ws)["test:unit"]) await vitestScript(ws, "test:unit", env);
  for (const ws of workspaces) if (scripts(ws)["test:integration"]) await vitestScript(ws, "test:integration", env);

  const e2eWorkspaces = workspaces.filter((ws) => scripts(ws)["test:e2e"]);
  if (e2eWorkspaces.length) {
    try {
      await migrateAndSeed(env);
      let died = null;
      onUnexpectedExit((message) => { died = message; log("test", message); });
      await startApps(env, { logDir: resultsDir });
      for (const ws of e2eWorkspaces) await playwright(ws, env);
      if (died) record("e2e stack", 0, 1);
    } catch (err) {
      log("test", `the stack for end-to-end tests did not come up: ${err}`);
      record("e2e stack", 0, 1);
    } finally {
      await stopAllAndWait();
    }
  }

  await chaosShort();

  const total = stages.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log("\nSummary:");
  for (const s of stages) console.log(`  ${s.failed ? "✖" : "✔"} ${s.name.padEnd(44)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`);
  console.log(`\ntotal: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  stopTemporal(Number(env.TEMPORAL_ADDRESS.split(":")[1]));
  stopRedis();
  process.exit(total.failed ? 1 : 0);
}

await main();
