#!/usr/bin/env node
// `npm run bench:lighthouse` (also part of `npm run bench`): Lighthouse on the console's busiest pages
// (/jobs and /inbox as the owner, /pos as a cashier) with its desktop and mobile presets, on the scaled
// shop (`voltura_scale`) side by side with the same pages on the demo shop (`voltura_bench`, the peer).
// Commerce and the console's production build run on ports of their own. Printed, not asserted: the
// targets (desktop >= 95, mobile >= 90 for performance, accessibility and best practices) live here.
// Options: --sizes demo,scale, --pages /jobs,/pos,/inbox, --presets desktop,mobile, --runs N (1; the
// median by performance is kept), --no-seed, --skip-build, --label <name>, --console-dir <dir> (another
// build of the console, e.g. a copy of storefront-admin built on its own; the default is the checkout's).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildAll, commerceProcessEnv, startConsole } from "../lib/apps.mjs";
import { DEMO_SIGN_INS } from "../lib/demo.mjs";
import { repoRoot } from "../lib/env.mjs";
import { log } from "../lib/log.mjs";
import { startProcess, stopAllAndWait, waitForHttp } from "../lib/processes.mjs";
import { stopTemporal } from "../lib/services.mjs";
import { ensureDevServices } from "../lib/stack.mjs";
import { audit, launchChromium, medianRun, signIn, TARGETS, underTarget } from "./lighthouse-audit.mjs";
import { BENCH_DATABASES, benchEnvFor, prepareSizedDatabase } from "./sized-db.mjs";

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "demo,scale" }, pages: { type: "string", default: "/jobs,/pos,/inbox" },
    presets: { type: "string", default: "desktop,mobile" }, runs: { type: "string", default: process.env.LIGHTHOUSE_RUNS ?? "1" },
    label: { type: "string", default: "current" }, "console-dir": { type: "string", default: path.join(repoRoot, "storefront-admin") }, "no-seed": { type: "boolean", default: false }, "skip-build": { type: "boolean", default: false },
  },
});
const PORTS = { commercePort: 9230, temporalPort: 7263, temporalUiPort: 8263, workerHealthPort: 9430 };
const CONSOLE_PORT = 4283;
/** Who opens each page: the counter is a cashier's; the rest the owner's. */
const PAGE_ROLE = { "/pos": "cashier" };

function envFor(database) {
  const consoleUrl = `http://localhost:${CONSOLE_PORT}`;
  return { ...benchEnvFor(database, PORTS), CONSOLE_PORT: String(CONSOLE_PORT), CONSOLE_HOST: "127.0.0.1", CONSOLE_URL: consoleUrl, ORIGIN: consoleUrl };
}

async function measureSize(size) {
  const database = BENCH_DATABASES[size];
  const env = envFor(database);
  await ensureDevServices(env);
  log("lighthouse", `${size}: preparing ${database}`);
  await prepareSizedDatabase(size, database, env, { seed: !opts["no-seed"] });
  const logDir = path.join(repoRoot, ".data", "bench-logs");
  mkdirSync(logDir, { recursive: true });
  startProcess("commerce", path.join(repoRoot, "node_modules", ".bin", "medusa"), ["start"], {
    cwd: path.join(repoRoot, "commerce"), env: { ...commerceProcessEnv(env), PORT: env.MEDUSA_PORT, HOST: "127.0.0.1" },
  });
  await waitForHttp(`${env.MEDUSA_URL}/health`, "The commerce core");
  startConsole(env, { dir: path.resolve(opts["console-dir"]) });
  await waitForHttp(`http://127.0.0.1:${CONSOLE_PORT}/health`, "The console");
  const account = (role) => DEMO_SIGN_INS.accounts.find((a) => a.role === role).email;
  const results = {};
  try {
    for (const page of opts.pages.split(",")) {
      const role = PAGE_ROLE[page] ?? "owner";
      // Each run: a fresh browser (cold cache, its own cookie jar) signed in with a fresh session.
      const session = () => signIn(env.CONSOLE_URL, account(role), DEMO_SIGN_INS.password);
      // One unmeasured visit: the server's first render of a route (module load, caches) is not the page's.
      await fetch(`${env.CONSOLE_URL}${page}`, { headers: { cookie: await session() } });
      for (const preset of opts.presets.split(",")) {
        const runs = [];
        for (let i = 0; i < Number(opts.runs); i++) {
          const chrome = await launchChromium();
          try {
            runs.push(await audit(chrome.port, `${env.CONSOLE_URL}${page}`, preset, await session()));
          } finally {
            chrome.kill();
          }
        }
        const r = medianRun(runs);
        results[`${page} ${preset}`] = { page, preset, role, ...r };
        const s = r.scores;
        log("lighthouse", `${size} ${page} ${preset}: perf ${s.performance} a11y ${s.accessibility} bp ${s["best-practices"]} seo ${s.seo}; LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}, TTFB ${r.ttfbMs} ms`);
      }
    }
  } finally {
    await stopAllAndWait();
  }
  return { database, results };
}

function table(bySize) {
  const keys = [...new Set(Object.values(bySize).flatMap((s) => Object.keys(s.results)))];
  const last = Object.keys(bySize).at(-1);
  return keys.map((key) => {
    const row = { page: key };
    for (const [size, { results }] of Object.entries(bySize)) {
      const r = results[key];
      row[`${size} perf/a11y/bp/seo`] = r ? [r.scores.performance, r.scores.accessibility, r.scores["best-practices"], r.scores.seo].join("/") : "–";
      row[`${size} LCP/TBT/CLS`] = r ? `${r.lcpMs}/${r.tbtMs}/${r.cls}` : "–";
    }
    const big = bySize[last].results[key];
    row[`under target (${last})`] = big ? underTarget(big, big.preset).join(", ") || "no" : "–";
    return row;
  });
}

async function main() {
  const sizes = opts.sizes.split(",");
  stopTemporal(PORTS.temporalPort);
  if (!opts["skip-build"]) await buildAll(envFor(BENCH_DATABASES.demo));
  const bySize = {};
  for (const size of sizes) bySize[size] = await measureSize(size);
  console.table(table(bySize));
  log("lighthouse", `targets: desktop >= ${TARGETS.desktop}, mobile >= ${TARGETS.mobile} for performance, accessibility and best practices (LCP/TBT in ms)`);
  log("lighthouse", "SEO is shown for completeness only: a signed-in staff console is not for search engines (no indexing wanted)");
  const out = path.join(repoRoot, ".data", "bench-logs", `lighthouse-${opts.label}.json`);
  writeFileSync(out, JSON.stringify({ label: opts.label, targets: TARGETS, seoApplies: false, bySize }, null, 2));
  log("lighthouse", `results in ${path.relative(repoRoot, out)}`);
  stopTemporal(PORTS.temporalPort);
}

async function stopEverything(code) {
  await stopAllAndWait();
  stopTemporal(PORTS.temporalPort);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => void stopEverything(130));
main().then(() => process.exit(0), (err) => {
  console.error(err);
  return stopEverything(1);
});
