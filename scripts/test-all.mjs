#!/usr/bin/env node
// `npm test`: every check and test of the repo, on real PostgreSQL (pgvector), a real Temporal
// server and Chromium. Stages run in order and all run even when one fails; the last line
// sums them up as "total: N passed, N failed".
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildAll, migrateAndSeed, startApps } from "./lib/apps.mjs";
import { repoRoot, testEnv } from "./lib/env.mjs";
import { log } from "./lib/log.mjs";
import { onUnexpectedExit, run, runCaptured, stopAllAndWait } from "./lib/processes.mjs";
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

/**
 * Turbo tasks over every workspace, in one turbo run so that their longest tasks (the console's
 * eslint and svelte-check, each on one core) overlap; each task counts as one check per workspace
 * that has it, with the time from its first start to its last end (turbo's run summary).
 */
async function turboChecks(tasks) {
  const runsDir = path.join(repoRoot, ".turbo", "runs");
  const listRuns = () => (existsSync(runsDir) ? readdirSync(runsDir).filter((f) => f.endsWith(".json")) : []);
  const before = new Set(listRuns());
  const [code, s] = await timed(() => run("test", turbo, ["run", ...tasks, "--output-logs=errors-only", "--continue", "--summarize"], { cwd: repoRoot, mustSucceed: false }));
  const summaryFile = listRuns().find((f) => !before.has(f));
  const summary = summaryFile ? JSON.parse(readFileSync(path.join(runsDir, summaryFile), "utf8")) : null;
  if (summaryFile) rmSync(path.join(runsDir, summaryFile), { force: true });
  // A workspace without the script shows up as a task with no command to run.
  const tasksOf = (task) => summary?.tasks.filter((t) => t.task === task && t.command !== "<NONEXISTENT>") ?? [];
  const taskFailed = (t) => t.execution?.exitCode !== 0;
  const anyTaskFailed = tasks.some((task) => tasksOf(task).some(taskFailed));
  log("test", `${tasks.join(" and ")} ran together in ${s}s`);
  for (const task of tasks) {
    const count = workspaces.filter((ws) => scripts(ws)[task]).length;
    const ran = tasksOf(task);
    // Without a summary, or a failed run that names no failed task, every task of the run counts as failed.
    const failed = summary && (anyTaskFailed || code === 0) ? ran.some(taskFailed) || ran.length < count : code !== 0;
    const times = ran.filter((t) => t.execution?.startTime && t.execution?.endTime);
    const span = times.length ? Math.round((Math.max(...times.map((t) => t.execution.endTime)) - Math.min(...times.map((t) => t.execution.startTime))) / 1000) : s;
    record(task, failed ? 0 : count, failed ? 1 : 0, 0, span);
  }
}

/** Runs a workspace's vitest script with a JSON report; answers the stage's counts from it. */
async function vitestScript(ws, script, env = {}, { captured = false } = {}) {
  const out = path.join(resultsDir, `${ws.replace(/\W+/g, "-")}-${script.replace(/\W+/g, "-")}.json`);
  const cmd = ["run", script, "--", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
  const opts = { cwd: path.join(repoRoot, ws), env };
  let output = "";
  const [code, s] = await timed(async () => {
    if (!captured) return run("test", "npm", cmd, { ...opts, mustSucceed: false });
    const result = await runCaptured("npm", cmd, opts);
    output = result.output;
    return result.code;
  });
  const name = `${ws} ${script}`;
  if (!existsSync(out)) return { name, passed: 0, failed: 1, skipped: 0, seconds: s, output };
  const report = JSON.parse(readFileSync(out, "utf8"));
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { name, passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, seconds: s, output };
}

/**
 * Every workspace's unit tests, two workspaces at a time (each vitest run spends much of its time
 * starting up on one core); each run's output is printed whole when it ends, the stages recorded
 * in workspace order.
 */
async function unitTests(env) {
  const queue = workspaces.filter((ws) => scripts(ws)["test:unit"]);
  const results = new Map();
  const next = async () => {
    for (let ws = queue.shift(); ws; ws = queue.shift()) {
      const result = await vitestScript(ws, "test:unit", env, { captured: true });
      process.stdout.write(result.output);
      results.set(ws, result);
    }
  };
  await Promise.all([next(), next()]);
  for (const ws of workspaces) {
    const r = results.get(ws);
    if (r) record(r.name, r.passed, r.failed, r.skipped, r.seconds);
  }
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
 * stack; one check per flow from the run's report. Its output is printed whole when it ends (it runs
 * alongside the commerce suites).
 */
async function chaosShort() {
  const report = path.join(repoRoot, ".data", "chaos-logs", "report.json");
  rmSync(report, { force: true });
  const [{ code, output }, s] = await timed(() =>
    runCaptured(process.execPath, [path.join(repoRoot, "scripts", "chaos.mjs"), "--short", "--skip-build"], { cwd: repoRoot }),
  );
  process.stdout.write(output);
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

  await turboChecks(["lint", "typecheck"]);
  await unitTests(env);
  // chaos --short runs on a stack of its own (database voltura_chaos, Temporal :7259, commerce :9209) and
  // mostly waits on its kills and restarts, as the commerce suites mostly wait on PostgreSQL: the two run
  // side by side, and chaos is over before the end-to-end stack starts.
  let chaos = null;
  for (const ws of workspaces) {
    if (!scripts(ws)["test:integration"]) continue;
    if (ws === "commerce") chaos = chaosShort();
    const r = await vitestScript(ws, "test:integration", env);
    record(r.name, r.passed, r.failed, r.skipped, r.seconds);
  }
  await (chaos ?? chaosShort());

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

  const total = stages.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log("\nSummary:");
  for (const s of stages) console.log(`  ${s.failed ? "✖" : "✔"} ${s.name.padEnd(44)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`);
  console.log(`\ntotal: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  stopTemporal(Number(env.TEMPORAL_ADDRESS.split(":")[1]));
  stopRedis();
  process.exit(total.failed ? 1 : 0);
}

await main();
