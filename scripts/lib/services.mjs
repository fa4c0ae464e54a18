// Local services on loopback: PostgreSQL (with pgvector) and the Temporal dev server.
// Each is used as given when its URL is set (DATABASE_URL, TEMPORAL_ADDRESS, REDIS_URL), and
// provisioned here otherwise. Everything is idempotent: a running service is reused.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, openSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { log, fail } from "./log.mjs";

const isRoot = process.getuid?.() === 0;
export const cacheDir = process.env.VOLTURA_CACHE_DIR ?? path.join(os.homedir(), ".cache", "voltura");
// PostgreSQL refuses to run as root, so as root the cluster lives where the postgres user can reach it.
export const dataDir = process.env.VOLTURA_DATA_DIR ?? (isRoot ? "/var/lib/voltura" : path.join(cacheDir, "data"));

export const PG = { host: "127.0.0.1", port: Number(process.env.VOLTURA_PG_PORT ?? 55432), user: "voltura", password: "voltura" };

export function localDatabaseUrl(db) {
  return `postgres://${PG.user}:${PG.password}@${PG.host}:${PG.port}/${db}`;
}

export function portOpen(host, port, timeoutMs = 800) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export async function waitForPort(host, port, what, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await portOpen(host, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not open ${host}:${port} within ${timeoutMs / 1000}s`);
}

function pgBin(name) {
  const dir = process.env.VOLTURA_PG_BIN;
  if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  const found = spawnSync("bash", ["-c", `ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1`]).stdout.toString().trim();
  if (found && existsSync(path.join(found, name))) return path.join(found, name);
  fail(`PostgreSQL's ${name} was not found — run \`npm start\` (it installs PostgreSQL), or set DATABASE_URL`);
}

function runAsPg(cmd, args, opts = {}) {
  const full = isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  return spawnSync(full[0], full[1], { encoding: "utf8", ...opts });
}

/** Starts (or reuses) the local PostgreSQL cluster. Returns nothing; use localDatabaseUrl(). */
export async function ensurePostgres() {
  if (await portOpen(PG.host, PG.port)) return;
  const pgData = path.join(dataDir, `pg-${PG.port}`);
  mkdirSync(dataDir, { recursive: true });
  if (isRoot) execFileSync("chown", ["postgres:postgres", dataDir]);
  if (!existsSync(path.join(pgData, "PG_VERSION"))) {
    log("postgres", `initialising a cluster in ${pgData}`);
    const pwFile = path.join(os.tmpdir(), `voltura-pw-${process.pid}`);
    writeFileSync(pwFile, PG.password);
    chmodSync(pwFile, 0o644);
    const r = runAsPg(pgBin("initdb"), ["-D", pgData, "-U", PG.user, `--pwfile=${pwFile}`, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
    if (r.status !== 0) fail(`initdb failed: ${r.stderr}`);
  }
  const logFile = path.join(pgData, "server.log");
  const opts = `-c port=${PG.port} -c listen_addresses=${PG.host} -c max_connections=300 -c shared_buffers=256MB -c unix_socket_directories=/tmp -c fsync=${process.env.CI ? "off" : "on"}`;
  log("postgres", `starting on ${PG.host}:${PG.port}`);
  const r = runAsPg(pgBin("pg_ctl"), ["-D", pgData, "-l", logFile, "-o", opts, "-w", "-t", "60", "start"]);
  if (r.status !== 0) fail(`PostgreSQL did not start: ${r.stderr || r.stdout}\nSee ${logFile}`);
  await waitForPort(PG.host, PG.port, "PostgreSQL");
}

export function stopPostgres() {
  const pgData = path.join(dataDir, `pg-${PG.port}`);
  if (existsSync(path.join(pgData, "postmaster.pid"))) runAsPg(pgBin("pg_ctl"), ["-D", pgData, "-m", "fast", "stop"]);
}

/** Runs SQL against the local cluster's maintenance database as the superuser. */
export function psql(sql, db = "postgres") {
  const r = spawnSync("psql", ["-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql, localDatabaseUrl(db)], { encoding: "utf8" });
  if (r.status !== 0) fail(`psql failed (${sql}): ${r.stderr}`);
  return r.stdout.trim();
}

export function ensureDatabase(db, { fresh = false } = {}) {
  if (fresh) psql(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  const exists = psql(`SELECT 1 FROM pg_database WHERE datname = '${db}'`);
  if (!exists) psql(`CREATE DATABASE "${db}"`);
  psql("CREATE EXTENSION IF NOT EXISTS vector", db);
}

/** Checks a DATABASE_URL that was given, failing fast with what to do. */
export async function checkGivenDatabase(url) {
  const u = new URL(url);
  const port = Number(u.port || 5432);
  if (!(await portOpen(u.hostname, port, 2000))) {
    fail(`PostgreSQL is not reachable at ${u.hostname}:${port} — run \`npm run services\`, or set DATABASE_URL`);
  }
}

function temporalBin() {
  const p = path.join(cacheDir, "bin", "temporal");
  if (existsSync(p)) return p;
  const which = spawnSync("bash", ["-c", "command -v temporal"]).stdout.toString().trim();
  if (which) return which;
  fail("the Temporal CLI was not found — run `npm start` (it installs it), or set TEMPORAL_ADDRESS");
}

/**
 * Starts (or reuses) a Temporal dev server. `dbFile` null keeps it in memory (tests).
 * Returns the address host:port.
 */
export async function ensureTemporal({ port = 7233, uiPort = 8233, dbFile, namespace = "voltura" }) {
  const address = `127.0.0.1:${port}`;
  if (await portOpen("127.0.0.1", port)) {
    ensureTemporalNamespace(address, namespace);
    return address;
  }
  mkdirSync(dataDir, { recursive: true });
  const args = ["server", "start-dev", "--ip", "127.0.0.1", "--port", String(port), "--ui-port", String(uiPort), "--namespace", namespace, "--log-level", "warn"];
  if (dbFile) args.push("--db-filename", dbFile);
  const logPath = path.join(dataDir, `temporal-${port}.log`);
  log("temporal", `starting the dev server on ${address} (UI http://127.0.0.1:${uiPort})`);
  const out = openSync(logPath, "a");
  const child = spawn(temporalBin(), args, { detached: true, stdio: ["ignore", out, out] });
  child.unref();
  writeFileSync(path.join(dataDir, `temporal-${port}.pid`), String(child.pid));
  await waitForPort("127.0.0.1", port, "the Temporal server", 90_000);
  return address;
}

/** A reused server may not have the namespace this profile asks for (e.g. a second e2e slot). */
function ensureTemporalNamespace(address, namespace) {
  const res = spawnSync(temporalBin(), ["operator", "namespace", "create", "--address", address, "--namespace", namespace], { encoding: "utf8" });
  if (res.status !== 0 && !/already (exists|registered)/i.test(`${res.stdout}${res.stderr}`)) {
    log("temporal", `could not create namespace ${namespace}: ${(res.stderr || res.stdout).trim()}`);
  }
}

export function stopTemporal(port = 7233) {
  const pidFile = path.join(dataDir, `temporal-${port}.pid`);
  if (!existsSync(pidFile)) return;
  try { process.kill(Number(readFileSync(pidFile, "utf8")), "SIGTERM"); } catch { /* already gone */ }
}

export async function checkGivenAddress(name, hostPort, hint) {
  const [host, port] = hostPort.replace(/^\w+:\/\//, "").split(":");
  if (!(await portOpen(host, Number(port), 2000))) fail(`${name} is not reachable at ${hostPort} — ${hint}`);
}

/** A throwaway Redis for tests of the multi-instance setup (in memory, no persistence). */
export async function ensureRedis(port = 56379) {
  if (await portOpen("127.0.0.1", port)) return `redis://127.0.0.1:${port}`;
  const r = spawnSync("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes"], { encoding: "utf8" });
  if (r.status !== 0) fail(`redis-server did not start: ${r.stderr || r.stdout} — run \`npm test\` (it installs Redis)`);
  await waitForPort("127.0.0.1", port, "Redis");
  return `redis://127.0.0.1:${port}`;
}

export function stopRedis(port = 56379) {
  spawnSync("redis-cli", ["-p", String(port), "shutdown", "nosave"], { encoding: "utf8" });
}
