import type { DbOpsConfig } from "../config.js";
import { carryOperationsHistory } from "./carry-history.js";
import { logLine, type LogSink } from "./log.js";
import { markNeutralised, releaseMaintenance } from "./maintenance.js";
import { neutraliseDatabase } from "./neutralise.js";
import { copyRunInto, readRun, writeRun, type RestoreRunRow } from "./run-record.js";
import { databaseNameOf, withDatabase } from "./names.js";
import { databaseExists } from "./sql.js";
import { contextForRun, openContext, type RunContext } from "./state.js";
import { checkStep, cleanWorkDir, maintenanceOnStep, restoreNewDatabaseStep, targetUrl, verifyStep } from "./steps.js";
import { reopenDatabases, rollbackStep, swapStep } from "./swap.js";
import {
  COPY_STEPS, RESTORE_STEPS, RestoreRefusedError, type RestoreOutcome, type RestoreRequest, type RestoreStep,
  type RestoreStepResult,
} from "./types.js";

/** The finished run also in the other database (the copy, or the old one kept aside), so neither shows it as still running. */
async function copyFinalRun(ctx: RunContext, databaseUrl: string): Promise<void> {
  const row = await readRun(ctx.liveUrl, ctx.req.runId);
  if (row) await copyRunInto(databaseUrl, row).catch(() => undefined);
}

/** `resume`: maintenance off in the (new) live database; the run is completed. */
async function resumeStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  const carried = await carryOperationsHistory(withDatabase(ctx.liveUrl, ctx.names.previous), ctx.liveUrl);
  if (carried.length) await logLine(ctx, "resume", "info", `operations history kept from before the restore (${carried.join(", ")})`, sink);
  await releaseMaintenance(ctx.liveUrl, ctx.req.runId, { reason: `restore of ${ctx.req.backupId} completed`, by: ctx.req.requestedBy });
  await writeRun(ctx.liveUrl, ctx.req, { step: "resume", status: "completed", error: null, target_database: ctx.names.live, previous_database: ctx.names.previous, finished: true });
  await cleanWorkDir(ctx);
  const message = `maintenance mode off; the shop runs on backup ${ctx.req.backupId}. Restart commerce and the worker so every cache reads it.`;
  await logLine(ctx, "resume", "info", message, sink);
  await copyFinalRun(ctx, withDatabase(ctx.liveUrl, ctx.names.previous));
  return message;
}

/** `neutralise_copy`: nothing in the copy can reach a customer or an outside service. */
async function neutraliseCopyStep(ctx: RunContext, sink?: LogSink): Promise<string> {
  await writeRun(ctx.liveUrl, ctx.req, { step: "neutralise_copy", status: "running" });
  const url = targetUrl(ctx);
  const done = await neutraliseDatabase(url);
  await markNeutralised(url, { reason: `copy of ${ctx.req.backupId}`, restoreRunId: ctx.req.runId, by: ctx.req.requestedBy });
  for (const line of done) await logLine(ctx, "neutralise_copy", "info", line, sink);
  await writeRun(ctx.liveUrl, ctx.req, { step: "neutralise_copy", status: "completed", error: null, target_database: ctx.names.target, finished: true });
  await cleanWorkDir(ctx);
  const message = `copy ready in ${ctx.names.target} (uploads in ${ctx.names.stagedUploads}); the live database was not touched`;
  await logLine(ctx, "neutralise_copy", "info", message, sink);
  await copyFinalRun(ctx, url);
  return message;
}

async function runStep(ctx: RunContext, step: RestoreStep, sink?: LogSink): Promise<RestoreStepResult> {
  const allowed = ctx.req.mode === "restore" ? [...RESTORE_STEPS, "rollback"] : [...COPY_STEPS, "rollback"];
  if (!allowed.includes(step)) throw new Error(`step ${step} is not part of a ${ctx.req.mode}`);
  switch (step) {
    case "check": return { step, ok: true, status: "running", message: await checkStep(ctx, sink) };
    case "maintenance_on": return { step, ok: true, status: "running", message: await maintenanceOnStep(ctx, sink) };
    case "restore_new_database": return { step, ok: true, status: "running", message: await restoreNewDatabaseStep(ctx, sink) };
    case "verify": return { step, ok: true, status: "running", message: await verifyStep(ctx, sink) };
    case "swap": return { step, ok: true, status: "running", message: await swapStep(ctx, sink) };
    case "resume": return { step, ok: true, status: "completed", message: await resumeStep(ctx, sink) };
    case "neutralise_copy": return { step, ok: true, status: "completed", message: await neutraliseCopyStep(ctx, sink) };
    case "rollback": {
      const status = await rollbackStep(ctx, sink);
      await cleanWorkDir(ctx);
      return { step, ok: true, status, message: status === "rolled_back" ? "rolled back to the database from before the restore" : "restore failed; the live database was not changed" };
    }
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One step of a run (what the Temporal workflow calls, one activity per step). Each step may be repeated after a crash. */
export async function restoreStep(cfg: DbOpsConfig, req: RestoreRequest, step: RestoreStep, onLog?: LogSink): Promise<RestoreStepResult> {
  const ctx = await openContext(cfg, req);
  try {
    return await runStep(ctx, step, onLog);
  } catch (error) {
    const text = `${error instanceof RestoreRefusedError ? `${error.code}: ` : ""}${errorText(error)}`;
    await logLine(ctx, step, "error", text, onLog).catch(() => undefined);
    await writeRun(ctx.liveUrl, ctx.req, { error: text }).catch(() => undefined);
    throw error;
  }
}

async function outcomeOf(ctx: RunContext, fallback: { status: RestoreOutcome["status"]; step: RestoreStep; error: string | null }): Promise<RestoreOutcome> {
  const row = await readRun(ctx.liveUrl, ctx.req.runId).catch(() => null);
  const status = row && (row.status === "completed" || row.status === "failed" || row.status === "rolled_back") ? row.status : fallback.status;
  const copy = ctx.req.mode === "copy";
  return {
    runId: ctx.req.runId, mode: ctx.req.mode, status, step: row?.step ?? fallback.step,
    targetDatabase: status === "completed" ? (copy ? ctx.names.target : ctx.names.live) : null,
    previousDatabase: status === "completed" && !copy ? ctx.names.previous : null,
    error: row?.error ?? fallback.error,
  };
}

/** Failure handling shared by the whole path and recovery: the error on the run, then rollback. */
async function failAndRollBack(ctx: RunContext, step: RestoreStep, error: unknown, sink?: LogSink): Promise<RestoreOutcome> {
  const message = errorText(error);
  const code = error instanceof RestoreRefusedError ? `${error.code}: ` : "";
  await logLine(ctx, step, "error", `${code}${message}`, sink).catch(() => undefined);
  await writeRun(ctx.liveUrl, ctx.req, { error: `${code}${message}` }).catch(() => undefined);
  const result = await runStep(ctx, "rollback", sink);
  return outcomeOf(ctx, { status: result.status === "rolled_back" ? "rolled_back" : "failed", step, error: `${code}${message}` });
}

/** A failed step's reason on the run row and in its log (the workflow calls this before its `rollback` step). */
export async function recordRestoreFailure(cfg: DbOpsConfig, req: RestoreRequest, step: RestoreStep, error: string): Promise<void> {
  const ctx = await openContext(cfg, req);
  await logLine(ctx, step, "error", error);
  await writeRun(ctx.liveUrl, ctx.req, { error });
}

/** The whole path (the CLI's): every step in order; any failure rolls back (before the swap: failed; after: rolled_back). */
export async function runRestore(cfg: DbOpsConfig, req: RestoreRequest, onLog?: LogSink): Promise<RestoreOutcome> {
  const ctx = await openContext(cfg, req);
  for (const step of req.mode === "restore" ? RESTORE_STEPS : COPY_STEPS) {
    try {
      await runStep(ctx, step, onLog);
    } catch (error) {
      return failAndRollBack(ctx, step, error, onLog);
    }
  }
  return outcomeOf(ctx, { status: "completed", step: req.mode === "restore" ? "resume" : "neutralise_copy", error: null });
}

const FINISHED = new Set(["completed", "failed", "rolled_back"]);

/**
 * After a crash (kill -9 of the worker or the CLI): a restore whose swap committed is finished (uploads swap, resume);
 * one that had not swapped is rolled back; a copy that passed verify is neutralised, else dropped. A finished run is
 * only reported. Either way the live name ends on one whole database.
 */
export async function recoverRestore(cfg: DbOpsConfig, runId: string, onLog?: LogSink): Promise<RestoreOutcome> {
  await reopenDatabases(cfg.databaseUrl, [databaseNameOf(cfg.databaseUrl)]);
  const row: RestoreRunRow | null = await readRun(cfg.databaseUrl, runId).catch(() => null);
  const ctx = await contextForRun(cfg, runId, row);
  if (!ctx) throw new Error(`restore run ${runId} is unknown here (no run row and no local state)`);
  if (row && FINISHED.has(row.status)) return outcomeOf(ctx, { status: row.status as RestoreOutcome["status"], step: row.step ?? "check", error: row.error });
  await reopenDatabases(ctx.liveUrl, [ctx.names.live, ctx.names.target, ctx.names.previous]);
  const step: RestoreStep = row?.step ?? "check";
  await logLine(ctx, step, "info", `recovering run ${runId} from step ${step}`, onLog);
  try {
    if (ctx.req.mode === "restore" && (await databaseExists(ctx.liveUrl, ctx.names.previous))) {
      await runStep(ctx, "swap", onLog);
      await runStep(ctx, "resume", onLog);
    } else if (ctx.req.mode === "copy" && ctx.state.verified && (await databaseExists(ctx.liveUrl, ctx.names.target))) {
      await runStep(ctx, "neutralise_copy", onLog);
    } else {
      return failAndRollBack(ctx, step, new Error(`interrupted during ${step}; rolled back on recovery`), onLog);
    }
  } catch (error) {
    return failAndRollBack(ctx, step, error, onLog);
  }
  return outcomeOf(ctx, { status: "completed", step: ctx.req.mode === "restore" ? "resume" : "neutralise_copy", error: null });
}
