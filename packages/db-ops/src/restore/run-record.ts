import { tableColumns, withClient, type Client } from "./sql.js";
import type { RestoreLogLine, RestoreRequest, RestoreRunStatus, RestoreStep } from "./types.js";

const TABLE = "operations_restore_run";

export interface RestoreRunRow {
  id: string; backup_id: string; mode: "restore" | "copy"; status: RestoreRunStatus; step: RestoreStep | null;
  target_database: string | null; previous_database: string | null; requested_by: string | null;
  log: RestoreLogLine[]; error: string | null; started_at: Date | null; finished_at: Date | null;
}

export interface RunPatch {
  step?: RestoreStep; status?: RestoreRunStatus; error?: string | null; target_database?: string | null;
  previous_database?: string | null; finished?: boolean;
}

/** Writes go only to the columns the table has (a database restored from an old backup may lack some), never fail on a missing table. */
async function columnsOf(client: Client): Promise<Set<string> | null> {
  const columns = await tableColumns(client, TABLE);
  return columns.size === 0 ? null : columns;
}

/** Creates the row when the caller did not (the CLI), then applies the patch. Returns false when the table does not exist. */
export async function writeRun(databaseUrl: string, req: RestoreRequest, patch: RunPatch): Promise<boolean> {
  return withClient(databaseUrl, async (c) => {
    const columns = await columnsOf(c);
    if (!columns) return false;
    await c.query(
      `INSERT INTO ${TABLE} (id, backup_id, mode, status, requested_by, started_at) VALUES ($1, $2, $3, 'pending', $4, now())
       ON CONFLICT (id) DO NOTHING`, [req.runId, req.backupId, req.mode, req.requestedBy]);
    const sets: string[] = ["started_at = coalesce(started_at, now())"];
    const values: unknown[] = [req.runId];
    const put = (column: string, value: unknown) => {
      if (!columns.has(column)) return;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (patch.step !== undefined) put("step", patch.step);
    if (patch.status !== undefined) put("status", patch.status);
    if (patch.error !== undefined) put("error", patch.error);
    if (patch.target_database !== undefined) put("target_database", patch.target_database);
    if (patch.previous_database !== undefined) put("previous_database", patch.previous_database);
    if (patch.finished && columns.has("finished_at")) sets.push("finished_at = now()");
    if (columns.has("updated_at")) sets.push("updated_at = now()");
    await c.query(`UPDATE ${TABLE} SET ${sets.join(", ")} WHERE id = $1`, values);
    return true;
  });
}

/** Appends one line to the run's log (a jsonb array). Returns false when the table or the row is missing. */
export async function appendRunLog(databaseUrl: string, runId: string, line: RestoreLogLine): Promise<boolean> {
  return withClient(databaseUrl, async (c) => {
    if (!(await columnsOf(c))) return false;
    const { rowCount } = await c.query(
      `UPDATE ${TABLE} SET log = coalesce(log, '[]'::jsonb) || jsonb_build_array($2::jsonb) WHERE id = $1`, [runId, JSON.stringify(line)]);
    return (rowCount ?? 0) > 0;
  });
}

export async function readRun(databaseUrl: string, runId: string): Promise<RestoreRunRow | null> {
  return withClient(databaseUrl, async (c) => {
    if (!(await columnsOf(c))) return null;
    const { rows } = await c.query<RestoreRunRow>(`SELECT * FROM ${TABLE} WHERE id = $1`, [runId]);
    return rows[0] ?? null;
  });
}

const COPIED = ["id", "backup_id", "mode", "status", "step", "target_database", "previous_database", "requested_by", "log", "error", "started_at", "finished_at"] as const;

/** Puts the run row (as read from the live database) into another database, replacing its copy. */
export async function copyRunInto(databaseUrl: string, row: RestoreRunRow): Promise<boolean> {
  return withClient(databaseUrl, async (c) => {
    const columns = await columnsOf(c);
    if (!columns) return false;
    const names = COPIED.filter((n) => columns.has(n));
    const values = names.map((n) => (n === "log" ? JSON.stringify(row.log ?? []) : row[n]));
    const placeholders = names.map((n, i) => (n === "log" ? `$${i + 1}::jsonb` : `$${i + 1}`));
    const updates = names.filter((n) => n !== "id").map((n) => `${n} = EXCLUDED.${n}`);
    await c.query(`INSERT INTO ${TABLE} (${names.join(", ")}) VALUES (${placeholders.join(", ")}) ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}`, values);
    return true;
  });
}

/**
 * A restored database can hold runs that were in progress when its backup was taken (a pre_restore backup always
 * does). They are over; marking them keeps "one active run" true (commerce's unique index) before ours is copied in.
 */
export async function closeRunsFromBackup(databaseUrl: string, runId: string): Promise<number> {
  return withClient(databaseUrl, async (c) => {
    const columns = await columnsOf(c);
    if (!columns) return 0;
    const { rowCount } = await c.query(
      `UPDATE ${TABLE} SET status = 'failed', error = coalesce(error, 'this database was restored from a backup taken while the run was in progress')${columns.has("finished_at") ? ", finished_at = coalesce(finished_at, now())" : ""}
        WHERE id <> $1 AND status IN ('pending', 'running')`, [runId]);
    return rowCount ?? 0;
  });
}
