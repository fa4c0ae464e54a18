import { checkTransition, REPAIR_DESK } from "@voltura/domain";
import { changeStatusBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../workflows/steps/billing-errors";
import { takeJobLease } from "../../../../../workflows/steps/job-effects";
import { finishRepairJob } from "../../../../../workflows/steps/recovery";
import { changeRepairJobStatusWorkflow } from "../../../../../workflows/change-repair-job-status";
import { loadRepairJob } from "../../query";

/**
 * Moves a job. The move is conditional (from → to) inside its transaction, so a retry of a move
 * already applied answers the job as it stands (finishing its due effects when nobody holds them).
 */
export const POST = staffRoute([...REPAIR_DESK, "system"], async (req, res) => {
  const body = parseOrThrow(changeStatusBodySchema, req.body);
  const job = await loadRepairJob(req.scope, req.params.id!);
  if (job.status === body.status) {
    if (await takeJobLease(req.scope, job.id)) {
      await finishRepairJob(req.scope, job.id).catch((err: Error) => req.scope.resolve("logger").warn(`Repair job ${job.id}: ${err.message}`));
    }
    res.json({ repair_job: await loadRepairJob(req.scope, job.id) });
    return;
  }
  const check = checkTransition(job.status, body.status);
  if (!check.ok) {
    // Medusa's error handler would replace a CONFLICT message with a generic one; ours names the allowed moves.
    res.status(409).json({ type: "invalid_transition", message: check.reason, allowed: check.allowed });
    return;
  }
  const { errors } = await changeRepairJobStatusWorkflow(req.scope).run({
    input: { id: job.id, to: body.status, note: body.note ?? null, changed_by: req.actor.name },
    throwOnError: false,
  });
  // A concurrent change that won the race is refused by the move's own check (409 invalid_transition).
  if (errors.length) return void respondToWorkflowError(res, errors);
  res.json({ repair_job: await loadRepairJob(req.scope, job.id) });
});
