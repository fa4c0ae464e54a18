import { REPAIR_DESK } from "@voltura/domain";
import { bulkRepairJobsBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { runBulkJobAction, storedBulkRun } from "./bulk-jobs";
import { bulkRequestHash, decideBulkReplay } from "../../../../domain/bulk-plan";

/**
 * One action on the selected jobs: `status` (each through the status change's checks and
 * workflow) or `assign` (each through the assignment's). 200 with per-job results, whatever
 * their mix; a key seen before answers its first results, another body under it is 409.
 */
export const POST = staffRoute(REPAIR_DESK, async (req, res) => {
  const body = parseOrThrow(bulkRepairJobsBodySchema, req.body ?? {});
  const hash = bulkRequestHash(body);
  const seen = await storedBulkRun(req.scope, body.idempotency_key);
  const decision = decideBulkReplay(seen, hash);
  if (decision === "reused") {
    return void res.status(409).json({ type: "idempotency_key_reused", message: "This idempotency_key was used for a different bulk action", field: "idempotency_key" });
  }
  if (decision === "replay") return void res.json({ ...seen!.answer, replayed: true });

  const answer = await runBulkJobAction(req.scope, body, hash, { id: req.actor.id, name: req.actor.name });
  if (!answer.replayed) {
    await recordAudit(req, {
      action: `repair_job.bulk_${body.action}`,
      entity: "repair_job",
      entity_id: null,
      metadata: {
        idempotency_key: body.idempotency_key,
        status: body.status ?? null,
        technician_id: body.technician_id ?? null,
        succeeded: answer.succeeded,
        failed: answer.failed,
        results: answer.results.map((r) => ({ id: r.id, job_number: r.job_number, ok: r.ok, error: r.error?.type ?? null })),
      },
    });
  }
  res.json(answer);
});
