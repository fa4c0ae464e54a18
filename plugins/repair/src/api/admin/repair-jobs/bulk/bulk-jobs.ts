import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { checkTransition, type RepairStatus } from "@voltura/domain";
import type { BulkRepairJobResult, BulkRepairJobsAnswer, RepairJob } from "@voltura/contracts";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { loadRepairJob } from "../query";
import { changeRepairJobStatusWorkflow } from "../../../../workflows/change-repair-job-status";
import { updateRepairJobWorkflow } from "../../../../workflows/update-repair-job";
import { bulkAnswer, bulkFailure, type BulkRequest } from "../../../../domain/bulk-plan";
import { takeJobLease } from "../../../../workflows/steps/job-effects";
import { finishRepairJob } from "../../../../workflows/steps/recovery";

type Actor = { id: string; name: string };

const done = (job: RepairJob): BulkRepairJobResult => ({ id: job.id, ok: true, job_number: job.job_number, status: job.status, error: null });
const refused = (id: string, job: RepairJob | null, error: { type: string; message: string }): BulkRepairJobResult =>
  ({ id, ok: false, job_number: job?.job_number ?? null, status: job?.status ?? null, error });

/** One job moved exactly as POST /admin/repair-jobs/:id/status moves it (same checks, same workflow). */
async function moveOne(scope: MedusaContainer, id: string, to: RepairStatus, note: string | null, actor: Actor): Promise<BulkRepairJobResult> {
  const job = await loadRepairJob(scope, id);
  if (job.status === to) {
    if (await takeJobLease(scope, job.id)) await finishRepairJob(scope, job.id).catch(() => undefined);
    return done(job);
  }
  const check = checkTransition(job.status, to);
  if (!check.ok) return refused(id, job, { type: "invalid_transition", message: check.reason });
  const { errors } = await changeRepairJobStatusWorkflow(scope).run({ input: { id: job.id, to, note, changed_by: actor.name }, throwOnError: false });
  if (errors.length) return refused(id, await loadRepairJob(scope, id), bulkFailure(errors[0]!.error));
  return done(await loadRepairJob(scope, id));
}

/** One job assigned exactly as POST /admin/repair-jobs/:id/assign does. */
async function assignOne(scope: MedusaContainer, id: string, technicianId: string | null, actor: Actor): Promise<BulkRepairJobResult> {
  const job = await loadRepairJob(scope, id);
  const { errors } = await updateRepairJobWorkflow(scope).run({ input: { id, changes: { technician_id: technicianId }, actor }, throwOnError: false });
  if (errors.length) return refused(id, job, bulkFailure(errors[0]!.error));
  return done(await loadRepairJob(scope, id));
}

/** The stored run of a key, if any. */
export async function storedBulkRun(scope: MedusaContainer, key: string): Promise<{ request_hash: string; answer: BulkRepairJobsAnswer } | undefined> {
  const [row] = await rows(sqlConnection(scope), `SELECT request_hash, answer FROM repair_bulk_action WHERE idempotency_key = ?`, [key]);
  return row ? { request_hash: String(row.request_hash), answer: row.answer as BulkRepairJobsAnswer } : undefined;
}

/**
 * Runs the action job by job, in the order given; a refused job does not stop the others. Each job
 * commits on its own (its own transaction and outbox), so a crash half way leaves the moved jobs
 * moved: a retry with the key moves the rest and answers the moved ones as they stand. The answer is
 * stored once per key; a concurrent copy that stored first wins and both answer its results.
 */
export async function runBulkJobAction(
  scope: MedusaContainer,
  body: BulkRequest & { idempotency_key: string },
  hash: string,
  actor: Actor,
): Promise<BulkRepairJobsAnswer> {
  const results: BulkRepairJobResult[] = [];
  for (const id of body.ids) {
    try {
      results.push(body.action === "status"
        ? await moveOne(scope, id, body.status as RepairStatus, body.note ?? null, actor)
        : await assignOne(scope, id, body.technician_id ?? null, actor));
    } catch (err) {
      results.push(refused(id, null, bulkFailure(err)));
    }
  }
  const answer = bulkAnswer(body.action, results);
  const [stored] = await rows(sqlConnection(scope),
    `INSERT INTO repair_bulk_action (id, idempotency_key, request_hash, action, actor_id, answer) VALUES (?, ?, ?, ?, ?, ?::jsonb)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [generateEntityId(undefined, "rbulk"), body.idempotency_key, hash, body.action, actor.id, JSON.stringify(answer)]);
  if (stored) return answer;
  const first = await storedBulkRun(scope, body.idempotency_key);
  return first ? { ...first.answer, replayed: true } : answer;
}
