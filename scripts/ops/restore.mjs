#!/usr/bin/env node
// `npm run restore -- <backup file or backup id> [--as-copy] [--yes]` and `npm run restore -- --resume <run id>`:
// the console's restore without commerce or Temporal (for when the console cannot start), through the same
// @voltura/db-ops code: check → maintenance on (+ a pre_restore backup) → restore into a new database → verify →
// swap → resume, rolled back on any failure. --as-copy restores into a second, neutralised database and never
// touches the live one. A run that was stopped (Ctrl-C, a crash) is finished or rolled back by --resume.
// Exit 0 completed, 1 failed or rolled back, 2 refused before starting.
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { recoverRestore, runRestore } from "@voltura/db-ops";
import { clock, operationsConfig } from "./ops-config.mjs";

const { values, positionals } = parseArgs({
  options: { "as-copy": { type: "boolean", default: false }, resume: { type: "string" }, yes: { type: "boolean", default: false } },
  allowPositionals: true, strict: true,
});

function refuse(message) {
  console.error(message);
  process.exit(2);
}

const printLine = (line) => console.log(`${clock(line.at)} ${line.level === "error" ? "✖" : "·"} ${line.step.padEnd(20)} ${line.message}`);

/** Another run still going (the console's, or a CLI one that was stopped): only one restore at a time. */
async function runningRestores(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(`SELECT id, coalesce(step, status) AS step FROM operations_restore_run WHERE status IN ('pending', 'running') AND deleted_at IS NULL`)).rows;
  } catch (error) {
    if (error.code === "42P01") return [];
    throw error;
  } finally {
    await client.end();
  }
}

async function confirm(word, what) {
  if (values.yes) return;
  if (!process.stdin.isTTY) refuse(`${what}\nAdd --yes to run without a terminal.`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${what}\nType ${word} to continue: `);
  rl.close();
  if (answer.trim() !== word) refuse("Nothing was changed.");
}

function report(outcome, cfg) {
  if (outcome.status === "completed" && outcome.mode === "restore") {
    console.log(`\nRestored. The database from before is kept as ${outcome.previousDatabase} (uploads in ${cfg.uploadsDir}.pre_*) until you remove it.`);
    console.log("Restart the platform now (stop `npm start` and start it again, or `docker compose restart`) so every process reads the restored data.");
  } else if (outcome.status === "completed") {
    const url = new URL(cfg.databaseUrl);
    url.pathname = `/${outcome.targetDatabase}`;
    url.password = url.password ? "***" : "";
    console.log(`\nCopy ready in database ${outcome.targetDatabase} (WhatsApp, campaigns, outboxes and secrets switched off). To look at it, run commerce with DATABASE_URL=${url}.`);
  } else {
    console.error(`\nRestore ${outcome.status === "rolled_back" ? "rolled back" : "failed"}: ${outcome.error ?? "see the lines above"}. The shop's database is the one from before.`);
  }
  process.exit(outcome.status === "completed" ? 0 : 1);
}

const { cfg } = await operationsConfig().catch((error) => refuse(error.message));

if (values.resume) {
  console.log(`Finishing or rolling back restore run ${values.resume}…`);
  report(await recoverRestore(cfg, values.resume, printLine), cfg);
}

if (positionals.length !== 1) refuse("Usage: npm run restore -- <backup file or backup id> [--as-copy] [--yes]   |   npm run restore -- --resume <run id>");
const source = existsSync(positionals[0]) ? path.resolve(positionals[0]) : positionals[0];
const mode = values["as-copy"] ? "copy" : "restore";
const running = await runningRestores(cfg.databaseUrl).catch(() => []);
if (running.length > 0) refuse(`Restore ${running[0].id} is still running (step ${running[0].step}). Finish it first: npm run restore -- --resume ${running[0].id}`);

const live = new URL(cfg.databaseUrl).pathname.slice(1);
await confirm(mode === "copy" ? "COPY" : "RESTORE", mode === "copy"
  ? `This restores ${source} into a new, neutralised copy of ${live}. The live database is not touched.`
  : `This REPLACES the database ${live} and the uploads in ${cfg.uploadsDir} with ${source}. Writes are refused while it runs.`);

const runId = `rr_cli${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
console.log(`Restore run ${runId}. If it is interrupted, finish or undo it with: npm run restore -- --resume ${runId}\n`);
report(await runRestore(cfg, { runId, backupId: source, mode, requestedBy: "cli" }, printLine), cfg);
