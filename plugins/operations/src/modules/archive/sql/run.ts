import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import { ARCHIVE_PLANS } from "../../../domain/archive-plan";
import { addCounts, archiveCutoff } from "../../../domain/archive-rules";
import { archiveBatch } from "./move";
import { newRunId, readArchiveSettings } from "./settings";
import { prepareArchiveTables } from "./tables";

export interface ArchiveRunRow {
  id: string;
  idempotency_key: string;
  status: "running" | "completed" | "failed";
  cutoff: string;
  counts: Record<string, number>;
  batches: number;
  requested_by: string | null;
  started_at: string;
  finished_at: string | null;
  error: string | null;
}

const iso = (v: unknown) => (v ? new Date(String(v)).toISOString() : null);
const RUN_COLUMNS = `id, idempotency_key, status, cutoff, counts, batches, requested_by, started_at, finished_at, error`;

export function toRun(row: Record<string, unknown>): ArchiveRunRow {
  return {
    id: String(row.id), idempotency_key: String(row.idempotency_key), status: row.status as ArchiveRunRow["status"],
    cutoff: iso(row.cutoff)!, counts: (row.counts ?? {}) as Record<string, number>, batches: Number(row.batches),
    requested_by: (row.requested_by as string | null) ?? null, started_at: iso(row.started_at)!, finished_at: iso(row.finished_at), error: (row.error as string | null) ?? null,
  };
}

export async function listArchiveRuns(db: Sql, limit: number): Promise<ArchiveRunRow[]> {
  return (await rows(db, `SELECT ${RUN_COLUMNS} FROM archive_run WHERE deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT ?`, [limit])).map(toRun);
}

/** One call works at most this long, then answers `done: false` (the caller carries on with the same key). */
const DEFAULT_CALL_MILLIS = 20_000;

/** The run of this key, made (with its cutoff fixed from the settings) when new. */
async function openRun(db: SqlConnection, key: string, requestedBy: string | null, now: Date): Promise<{ run: ArchiveRunRow; batchSize: number }> {
  const settings = await readArchiveSettings(db);
  const cutoff = archiveCutoff(now, settings.archive_after_months);
  await db.raw(
    `INSERT INTO archive_run (id, idempotency_key, status, cutoff, requested_by, started_at) VALUES (?, ?, 'running', ?, ?, ?)
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`, [newRunId(), key, cutoff.toISOString(), requestedBy, now.toISOString()]);
  const [row] = await rows(db, `SELECT ${RUN_COLUMNS} FROM archive_run WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return { run: toRun(row!), batchSize: settings.batch_size };
}

/**
 * Runs (or continues) the archive run of `key`: batch after batch, each ONE transaction that moves
 * rows and adds its counts to the run row, so a kill between batches loses nothing and the next
 * call with the key carries on. Stops after `maxBatches` (done = false) or when nothing old is left
 * (the run completes). A completed run answers as stored.
 */
export async function runArchive(db: SqlConnection, input: { key: string; requestedBy: string | null; maxBatches: number; maxMillis?: number; now?: Date }):
  Promise<{ run: ArchiveRunRow; done: boolean; replayed: boolean; moved: Record<string, number> }> {
  const { run, batchSize } = await openRun(db, input.key, input.requestedBy, input.now ?? new Date());
  if (run.status === "completed") return { run, done: true, replayed: true, moved: {} };
  await prepareArchiveTables(db);
  const cutoff = new Date(run.cutoff);
  let moved: Record<string, number> = {};
  let batches = 0;
  let stopped = false;
  const deadline = Date.now() + (input.maxMillis ?? DEFAULT_CALL_MILLIS);
  try {
    for (const plan of ARCHIVE_PLANS) {
      for (;;) {
        if (batches >= input.maxBatches || Date.now() > deadline) {
          stopped = true;
          break;
        }
        const counts = await db.transaction(async (trx) => {
          const c = await archiveBatch(trx, plan, cutoff, batchSize, run.id);
          if (Object.keys(c).length) {
            await trx.raw(
              `UPDATE archive_run SET batches = batches + 1, updated_at = now(),
                 counts = (SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb) FROM (
                   SELECT k, sum(v::bigint) AS v FROM (SELECT key AS k, value AS v FROM jsonb_each_text(counts) UNION ALL SELECT key, value FROM jsonb_each_text(?::jsonb)) x GROUP BY k) y)
               WHERE id = ?`, [JSON.stringify(c), run.id]);
          }
          return c;
        });
        if (!Object.keys(counts).length) break;
        moved = addCounts(moved, counts);
        batches += 1;
      }
    }
  } catch (error) {
    await db.raw(`UPDATE archive_run SET error = ?, updated_at = now() WHERE id = ?`, [error instanceof Error ? error.message.slice(0, 1000) : String(error), run.id]);
    throw error;
  }
  const done = !stopped;
  if (done) await db.raw(`UPDATE archive_run SET status = 'completed', finished_at = now(), error = NULL, updated_at = now() WHERE id = ? AND status <> 'completed'`, [run.id]);
  const [row] = await rows(db, `SELECT ${RUN_COLUMNS} FROM archive_run WHERE id = ?`, [run.id]);
  return { run: toRun(row!), done, replayed: false, moved };
}
