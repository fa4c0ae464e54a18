import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { listArchiveRuns, runArchive } from "../../../../modules/archive/sql/run";
import { listArchiveRunsQuerySchema, startArchiveRunBodySchema } from "../validators";

/** Archive runs, newest first (the console's run history). */
export const GET = staffRoute([...MANAGERS], async (req, res) => {
  const { limit } = parseOrThrow(listArchiveRunsQuerySchema, req.query);
  res.json({ runs: await listArchiveRuns(sqlConnection(req.scope), limit) });
});

/**
 * Runs the archive (the daily schedule as `system`, or an owner): moves closed jobs, completed
 * sales, messages and conversations older than the setting, batch by batch. Idempotent by key: a
 * completed run answers as stored (200); an unfinished one carries on. `done: false` means call
 * again with the same key. `moved` counts this call's rows per table, `run.counts` the whole run's.
 */
export const POST = staffRoute(["owner", "system"], async (req, res) => {
  const body = parseOrThrow(startArchiveRunBodySchema, req.body ?? {});
  const result = await runArchive(sqlConnection(req.scope), { key: body.idempotency_key, requestedBy: req.actor.id, maxBatches: body.max_batches });
  if (!result.replayed) {
    await recordAudit(req, { action: "archive.run", entity: "archive_run", entity_id: result.run.id, metadata: { moved: result.moved, done: result.done, cutoff: result.run.cutoff } });
  }
  res.status(result.replayed ? 200 : 201).json(result);
});
