import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { DbOpsConfig } from "../config.js";
import { databaseNameOf, restoreNames, shortRunId, type RestoreNames } from "./names.js";
import { readRun } from "./run-record.js";
import type { RestoreRequest } from "./types.js";

/**
 * What one run has settled so far, kept beside the backups (`<BACKUP_DIR>/.restore-<short>/state.json`, written by
 * tmp + rename) so every step can be repeated after a kill -9 and find the same names and the same opened backup.
 */
const runStateSchema = z.object({
  runId: z.string(),
  backupId: z.string(),
  mode: z.enum(["restore", "copy"]),
  requestedBy: z.string(),
  startedAt: z.string(),
  pendingMigrations: z.array(z.string()).optional(),
  preRestoreBackupId: z.string().optional(),
  /** Set once the new database is restored, migrated and marked (the end of `restore_new_database`). */
  restored: z.boolean().optional(),
  /** Fingerprints of the tables right after pg_restore, before migrations (so verify can judge the tables migrations changed). */
  restoredFingerprintFile: z.string().optional(),
  /** Set once verify passed. */
  verified: z.boolean().optional(),
  /** Where the uploads swap (or its undo) stands. */
  uploadsPhase: z.enum(["live_out", "backup_in", "done", "undo_backup_out", "undo_live_in"]).optional(),
});
export type RunState = z.infer<typeof runStateSchema>;

export interface RunContext { cfg: DbOpsConfig; req: RestoreRequest; state: RunState; names: RestoreNames; liveUrl: string }

export const workDirFor = (cfg: DbOpsConfig, runId: string): string => path.join(path.resolve(cfg.backupDir), `.restore-${shortRunId(runId)}`);
const stateFile = (workDir: string) => path.join(workDir, "state.json");

export async function readState(cfg: DbOpsConfig, runId: string): Promise<RunState | null> {
  try {
    return runStateSchema.parse(JSON.parse(await readFile(stateFile(workDirFor(cfg, runId)), "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function saveState(cfg: DbOpsConfig, state: RunState): Promise<void> {
  const dir = workDirFor(cfg, state.runId);
  await mkdir(dir, { recursive: true });
  const tmp = `${stateFile(dir)}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2));
  await rename(tmp, stateFile(dir));
}

function contextOf(cfg: DbOpsConfig, state: RunState): RunContext {
  const req: RestoreRequest = { runId: state.runId, backupId: state.backupId, mode: state.mode, requestedBy: state.requestedBy };
  const names = restoreNames({ live: databaseNameOf(cfg.databaseUrl), runId: state.runId, mode: state.mode, startedAt: new Date(state.startedAt),
    uploadsDir: cfg.uploadsDir, backupDir: cfg.backupDir });
  return { cfg, req, state, names, liveUrl: cfg.databaseUrl };
}

/** The run's context, made on its first step (the start time comes from the run row when commerce made it). */
export async function openContext(cfg: DbOpsConfig, req: RestoreRequest): Promise<RunContext> {
  const known = await readState(cfg, req.runId);
  if (known) {
    if (known.backupId !== req.backupId || known.mode !== req.mode) throw new Error(`restore run ${req.runId} was started for ${known.backupId} (${known.mode})`);
    return contextOf(cfg, known);
  }
  const row = await readRun(cfg.databaseUrl, req.runId).catch(() => null);
  const state: RunState = { ...req, startedAt: (row?.started_at ? new Date(row.started_at) : new Date()).toISOString() };
  await saveState(cfg, state);
  return contextOf(cfg, state);
}

/** The context of a run known only by its id (recovery): the local state, else the run row. */
export async function contextForRun(cfg: DbOpsConfig, runId: string, row: { backup_id: string; mode: "restore" | "copy"; requested_by: string | null; started_at: Date | null } | null): Promise<RunContext | null> {
  const known = await readState(cfg, runId);
  if (known) return contextOf(cfg, known);
  if (!row) return null;
  const state: RunState = { runId, backupId: row.backup_id, mode: row.mode, requestedBy: row.requested_by ?? "system",
    startedAt: (row.started_at ? new Date(row.started_at) : new Date()).toISOString() };
  await saveState(cfg, state);
  return contextOf(cfg, state);
}

export async function updateState(ctx: RunContext, patch: Partial<RunState>): Promise<void> {
  Object.assign(ctx.state, patch);
  await saveState(ctx.cfg, ctx.state);
}
