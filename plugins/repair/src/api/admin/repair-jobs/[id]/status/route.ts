import { MedusaError } from "@medusajs/framework/utils";
import { checkTransition, REPAIR_DESK } from "@voltura/domain";
import { changeStatusBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { changeRepairJobStatusWorkflow } from "../../../../../workflows/change-repair-job-status";
import { loadRepairJob } from "../../query";

export const POST = staffRoute([...REPAIR_DESK, "system"], async (req, res) => {
  const body = parseOrThrow(changeStatusBodySchema, req.body);
  const job = await loadRepairJob(req.scope, req.params.id!);
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
  const error = errors[0]?.error as { type?: string; message?: string } | undefined;
  if (error?.type === MedusaError.Types.CONFLICT) {
    // A concurrent change won the race and the step's own check refused this one.
    res.status(409).json({ type: "invalid_transition", message: error.message ?? "The job changed meanwhile" });
    return;
  }
  if (errors.length) throw errors[0]!.error;
  res.json({ repair_job: await loadRepairJob(req.scope, job.id) });
});
