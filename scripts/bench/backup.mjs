#!/usr/bin/env node
// The backup row of `npm run bench`: backup and restore time and size of the scaled shop
// (`voltura_scale`, 100k customers / 200k jobs, made by `npm run seed:scale`; read only, never
// changed), through @voltura/db-ops (pg_dump under an exported snapshot + per-table fingerprint +
// uploads + AES-256-GCM; restore = decrypt and check every part, then pg_restore), against its peer
// in the same run: a plain `pg_dump -Fc` and `pg_restore` of the same database with the same
// restore flags (--jobs=2 --no-owner, then ANALYZE). The difference is what encryption, the uploads
// and the fingerprint cost. Restores go into scratch databases that are dropped afterwards.
// Prints one table; `--json` prints the rows as JSON on the last line.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createBackup, dbOpsConfigFromEnv, newBackupId, openBackup, restoreDumpInto } from "@voltura/db-ops";
import { repoRoot, testEnv } from "../lib/env.mjs";
import { localDatabaseUrl } from "../lib/services.mjs";

const SOURCE = process.env.BENCH_BACKUP_DATABASE ?? "voltura_scale";
const OURS_DB = "voltura_bench_restore_vsbk";
const PEER_DB = "voltura_bench_restore_pgdump";
const seconds = (ms) => (ms / 1000).toFixed(1);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
/** "35% slower" / "12% faster" / "0.1% larger": ours against the peer. */
const versus = (ours, peer, more, less) => {
  const change = (ours / peer - 1) * 100;
  return `${Math.abs(change).toFixed(Math.abs(change) < 10 ? 1 : 0)}% ${change >= 0 ? more : less}`;
};

async function withAdmin(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function sourceFacts(adminUrl) {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query("SELECT pg_database_size(datname)::bigint AS bytes FROM pg_database WHERE datname = $1", [SOURCE]);
    return rows[0] ? { bytes: Number(rows[0].bytes) } : null;
  });
}

async function dropDatabase(adminUrl, name) {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function run(tool, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk) => { err = (err + chunk).slice(-4000); });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} exited ${code}: ${err}`))));
  });
}

async function timed(work) {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main() {
  const base = testEnv();
  const sourceUrl = localDatabaseUrl(SOURCE);
  const adminUrl = localDatabaseUrl("postgres");
  const facts = await sourceFacts(adminUrl);
  if (!facts) {
    console.log(`backup bench skipped: database ${SOURCE} does not exist (make it with npm run seed:scale)`);
    return [];
  }
  const workRoot = path.join(repoRoot, ".data", "bench-backup", String(process.pid));
  mkdirSync(workRoot, { recursive: true });
  const cfg = dbOpsConfigFromEnv({
    ...process.env, ...base,
    BACKUP_DATABASE_URL: sourceUrl, BACKUP_DIR: path.join(workRoot, "backups"), BACKUP_S3_BUCKET: "",
  });
  const pgEnv = { PGHOST: "127.0.0.1", PGPORT: new URL(sourceUrl).port || "5432", PGUSER: decodeURIComponent(new URL(sourceUrl).username), PGPASSWORD: decodeURIComponent(new URL(sourceUrl).password) };
  const peerDump = path.join(workRoot, "plain.dump");
  try {
    console.log(`backup bench on ${SOURCE} (${mb(facts.bytes)} MB on disk), uploads from ${cfg.uploadsDir}…`);
    // The peer goes first each time, so the file cache favours ours rather than the peer.
    const peerBackup = await timed(() => run("pg_dump", ["--format=custom", `--file=${peerDump}`, SOURCE], pgEnv));
    const backupId = newBackupId("manual", new Date());
    const backup = await timed(() => createBackup(cfg, { backupId, kind: "manual" }));

    const peerRestore = await timed(async () => {
      await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${PEER_DB}" TEMPLATE template0`));
      await run("pg_restore", ["--no-owner", "--exit-on-error", "--jobs=2", `--dbname=${PEER_DB}`, peerDump], pgEnv);
      await withAdmin(localDatabaseUrl(PEER_DB), (c) => c.query("ANALYZE"));
    });
    await dropDatabase(adminUrl, PEER_DB);
    const opened = await timed(() => openBackup(cfg, backupId, path.join(workRoot, "opened")));
    const restored = await timed(() => restoreDumpInto(cfg, opened.value.dumpFile, OURS_DB));
    await dropDatabase(adminUrl, OURS_DB);

    const r = backup.value;
    const t = r.timings;
    const peerBytes = statSync(peerDump).size;
    const rows = [
      {
        benchmark: `backup ${SOURCE}: .vsbk (snapshot dump + fingerprint of ${r.tableCount} tables / ${r.rowCount} rows + ${r.uploadCount} uploads, AES-256-GCM)`,
        seconds: seconds(backup.ms), MB: mb(r.bytes),
        detail: `dump ${seconds(t.dumpMs)} s, fingerprint ${seconds(t.fingerprintMs)} s (parallel), encrypt+tar ${seconds(t.encryptMs)} s; dump ${mb(r.dumpBytes)} MB + uploads ${mb(r.uploadBytes)} MB`,
      },
      { benchmark: `backup peer: pg_dump -Fc ${SOURCE}`, seconds: seconds(peerBackup.ms), MB: mb(peerBytes), detail: `.vsbk ${versus(backup.ms, peerBackup.ms, "slower", "faster")}, ${versus(r.bytes, peerBytes, "larger", "smaller")}` },
      {
        benchmark: "restore .vsbk: decrypt + check every part, then pg_restore --jobs=2 + ANALYZE",
        seconds: seconds(opened.ms + restored.ms), MB: mb(r.dumpBytes),
        detail: `open ${seconds(opened.ms)} s, pg_restore + ANALYZE ${seconds(restored.ms)} s`,
      },
      { benchmark: "restore peer: pg_restore --jobs=2 + ANALYZE", seconds: seconds(peerRestore.ms), MB: mb(peerBytes), detail: `.vsbk ${versus(opened.ms + restored.ms, peerRestore.ms, "slower", "faster")}` },
    ];
    return rows;
  } finally {
    await dropDatabase(adminUrl, OURS_DB).catch(() => undefined);
    await dropDatabase(adminUrl, PEER_DB).catch(() => undefined);
    rmSync(workRoot, { recursive: true, force: true });
  }
}

const rows = await main();
if (rows.length) {
  console.table(rows);
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows));
}
