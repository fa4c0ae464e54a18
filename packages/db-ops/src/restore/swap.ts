import { rm } from "node:fs/promises";
import { releaseMaintenance } from "./maintenance.js";
import { quoteIdent, withDatabase } from "./names.js";
import { copyRunInto, readRun, writeRun } from "./run-record.js";
import { adminUrl, databaseExists, withClient, type Client } from "./sql.js";
import { updateState, type RunContext } from "./state.js";
import { moveContents } from "./uploads.js";
import { logLine, type LogSink } from "./log.js";

/** Closes a database to new sessions and ends the open ones (commerce reconnects to whatever carries the name next). */
async function closeDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`ALTER DATABASE ${quoteIdent(name)} ALLOW_CONNECTIONS false`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    if (rows.length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sessions on ${name} did not end`);
}

/** Both renames in one transaction: at every instant the live name holds one whole database. */
async function renamePair(admin: Client, moves: Array<[from: string, to: string]>, reopen: string[]): Promise<void> {
  await admin.query("BEGIN");
  try {
    for (const [from, to] of moves) await admin.query(`ALTER DATABASE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`);
    for (const name of reopen) await admin.query(`ALTER DATABASE ${quoteIdent(name)} ALLOW_CONNECTIONS true`);
    await admin.query("COMMIT");
  } catch (error) {
    await admin.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** After a crash between closing and renaming, a database may be left closed to connections: open these again. */
export async function reopenDatabases(databaseUrl: string, names: string[]): Promise<void> {
  await withClient(adminUrl(databaseUrl), async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = ANY($1::text[]) AND NOT datallowconn`, [names]);
    for (const { datname } of rows) await admin.query(`ALTER DATABASE ${quoteIdent(datname)} ALLOW_CONNECTIONS true`);
  });
}

/** Live uploads out to `<uploads>.pre_<short>`, the backup's in; the phase is recorded so a repeat carries on. */
async function swapUploads(ctx: RunContext): Promise<void> {
  const { stagedUploads, previousUploads } = ctx.names;
  const uploads = ctx.cfg.uploadsDir;
  if (!ctx.state.uploadsPhase || ctx.state.uploadsPhase === "live_out") {
    await updateState(ctx, { uploadsPhase: "live_out" });
    await moveContents(uploads, previousUploads);
    await updateState(ctx, { uploadsPhase: "backup_in" });
  }
  if (ctx.state.uploadsPhase === "backup_in") {
    await moveContents(stagedUploads, uploads);
    await rm(stagedUploads, { recursive: true, force: true });
    await updateState(ctx, { uploadsPhase: "done" });
  }
}

async function unswapUploads(ctx: RunContext): Promise<void> {
  const { stagedUploads, previousUploads } = ctx.names;
  const uploads = ctx.cfg.uploadsDir;
  const phase = ctx.state.uploadsPhase;
  if (phase === "backup_in" || phase === "done" || phase === "undo_backup_out") {
    await updateState(ctx, { uploadsPhase: "undo_backup_out" });
    await moveContents(uploads, stagedUploads);
    await updateState(ctx, { uploadsPhase: "undo_live_in" });
  }
  if (ctx.state.uploadsPhase === "live_out" || ctx.state.uploadsPhase === "undo_live_in") {
    await updateState(ctx, { uploadsPhase: "undo_live_in" });
    await moveContents(previousUploads, uploads);
    await rm(previousUploads, { recursive: true, force: true });
    await updateState(ctx, { uploadsPhase: undefined });
  }
}

/** `swap`: the restored database takes the live name, the live one becomes `<live>_pre_<short>`; then the uploads. */
export async function swapStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  const { live, target, previous } = ctx.names;
  const swapped = await databaseExists(ctx.liveUrl, previous);
  if (!swapped) {
    if (!(await databaseExists(ctx.liveUrl, target))) throw new Error(`the restored database ${target} does not exist`);
    await writeRun(ctx.liveUrl, ctx.req, { step: "swap", status: "running", previous_database: previous });
    await logLine(ctx, "swap", "info", `closing ${live} and renaming it ${previous}; ${target} becomes ${live}`, sink);
    const row = await readRun(ctx.liveUrl, ctx.req.runId);
    if (row) await copyRunInto(withDatabase(ctx.liveUrl, target), row);
    await withClient(adminUrl(ctx.liveUrl), async (admin) => {
      await closeDatabase(admin, target);
      await closeDatabase(admin, live);
      await renamePair(admin, [[live, previous], [target, live]], [live, previous]);
    });
  }
  await swapUploads(ctx);
  await writeRun(ctx.liveUrl, ctx.req, { step: "swap", status: "running", target_database: live, previous_database: previous });
  await logLine(ctx, "swap", "info", `${live} now holds the backup; the old database is kept as ${previous}, its uploads in ${ctx.names.previousUploads}`, sink);
  return `swapped; old database kept as ${previous}`;
}

/**
 * `rollback`: before the swap, drops the restored database (and staged uploads), maintenance off, status failed;
 * after it, puts the old database and uploads back under the live name (status rolled_back) and drops the restored one.
 */
export async function rollbackStep(ctx: RunContext, sink?: LogSink): Promise<"failed" | "rolled_back"> {
  const { live, target, previous } = ctx.names;
  await reopenDatabases(ctx.liveUrl, [live, target, previous]);
  const swapped = ctx.req.mode === "restore" && (await databaseExists(ctx.liveUrl, previous));
  let restoredExisted = false;
  if (swapped) {
    const row = await readRun(ctx.liveUrl, ctx.req.runId).catch(() => null);
    await unswapUploads(ctx);
    await withClient(adminUrl(ctx.liveUrl), async (admin) => {
      if (await databaseExists(ctx.liveUrl, target)) await admin.query(`DROP DATABASE ${quoteIdent(target)} WITH (FORCE)`);
      await closeDatabase(admin, live);
      await closeDatabase(admin, previous);
      await renamePair(admin, [[live, target], [previous, live]], [live, target]);
      await admin.query(`DROP DATABASE ${quoteIdent(target)} WITH (FORCE)`);
    });
    if (row) await copyRunInto(ctx.liveUrl, row);
  } else {
    restoredExisted = await databaseExists(ctx.liveUrl, target);
    await withClient(adminUrl(ctx.liveUrl), (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(target)} WITH (FORCE)`));
    await rm(ctx.names.stagedUploads, { recursive: true, force: true });
    await rm(`${ctx.names.stagedUploads}.partial`, { recursive: true, force: true });
  }
  if (ctx.req.mode === "restore") {
    await releaseMaintenance(ctx.liveUrl, ctx.req.runId, { reason: `restore ${swapped ? "rolled back" : "failed"}`, by: ctx.req.requestedBy });
  }
  const status = swapped ? "rolled_back" : "failed";
  await writeRun(ctx.liveUrl, ctx.req, { step: "rollback", status, previous_database: null, finished: true });
  await logLine(ctx, "rollback", "info", swapped ? `${live} is the database from before the restore again`
    : `${restoredExisted ? `${target} dropped; ` : ""}${live} was not changed`, sink);
  return status;
}
