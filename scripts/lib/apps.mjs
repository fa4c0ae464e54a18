// The three app processes of the platform, shared by `npm start` and `npm test`.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { reachableHost, repoRoot } from "./env.mjs";
import { run, startProcess, waitForHttp } from "./processes.mjs";

const commerceDir = path.join(repoRoot, "commerce");
const bin = (name) => path.join(repoRoot, "node_modules", ".bin", name);

/** Builds every workspace (turbo caches); medusa build reads the commerce settings, hence the env. */
export async function buildAll(env) {
  await run("build", bin("turbo"), ["run", "build", "--output-logs=errors-only", "--env-mode=loose", "--filter=!@voltura/deploy"], { cwd: repoRoot, env });
}

/** Migrations and the demo shop; both are safe to run again. */
export async function migrateAndSeed(env) {
  await run("commerce", bin("medusa"), ["db:migrate", "--execute-safe-links"], { cwd: commerceDir, env, quiet: true });
  await run("seed", bin("medusa"), ["exec", "./src/scripts/seed-demo.ts"], { cwd: commerceDir, env, quiet: true });
}

/**
 * Commerce's V8 heap ceiling: without one V8 grows the heap lazily towards a quarter of the machine's
 * memory (RSS past 1.2 GB on a quiet shop whose live heap is under 300 MB); with it, it collects sooner.
 */
export function commerceProcessEnv(env) {
  const heap = `--max-old-space-size=${env.COMMERCE_HEAP_MB || 768}`;
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS ?? process.env.NODE_OPTIONS, heap].filter(Boolean).join(" ") };
}

/** The console's production build (`node build/index.js` in `dir`) on CONSOLE_PORT, answering as CONSOLE_URL. */
export function startConsole(env, { logFile, dir = path.join(repoRoot, "storefront-admin") } = {}) {
  return startProcess("console", process.execPath, [path.join(dir, "build", "index.js")], {
    cwd: dir,
    env: { ...env, PORT: env.CONSOLE_PORT, HOST: env.CONSOLE_HOST || "127.0.0.1", ORIGIN: env.CONSOLE_URL },
    logFile,
  });
}

export async function startApps(env, { logDir } = {}) {
  let logFile;
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    logFile = createWriteStream(path.join(logDir, "apps.log"), { flags: "w" });
  }
  // `medusa start` listens on HOST (all interfaces when unset): loopback unless COMMERCE_HOST says otherwise.
  const commerce = startProcess("commerce", bin("medusa"), ["start"], {
    cwd: commerceDir,
    env: { ...commerceProcessEnv(env), PORT: env.MEDUSA_PORT, HOST: env.COMMERCE_HOST || "127.0.0.1" },
    logFile,
  });
  const worker = startProcess("worker", process.execPath, [path.join(repoRoot, "temporal", "dist", "main.js")], { cwd: repoRoot, env, logFile });
  const consoleApp = startConsole(env, { logFile });
  await Promise.all([
    waitForHttp(`${env.MEDUSA_URL}/health`, "The commerce core"),
    waitForHttp(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`, "The Temporal worker"),
    waitForHttp(`http://${reachableHost(env.CONSOLE_HOST || "127.0.0.1")}:${env.CONSOLE_PORT}/health`, "The console"),
  ]);
  return { commerce, worker, console: consoleApp };
}
