import { randomUUID } from "node:crypto";
import { MedusaError } from "@medusajs/framework/utils";
import { InvalidPhoneError, normalisePhone, REPAIR_DESK } from "@voltura/domain";
import { createRepairJobBodySchema, listRepairJobsQuerySchema } from "@voltura/contracts";
import { parseOrThrow, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../workflows/steps/billing-errors";
import { intakeRequestHash, type RepairIntake } from "../../../workflows/steps/intake-commit";
import { decideIntakeRetry } from "../../../domain/job-outbox";
import { finishRepairJob } from "../../../workflows/steps/recovery";
import { takeJobLease } from "../../../workflows/steps/job-effects";
import { createRepairJobWorkflow } from "../../../workflows/create-repair-job";
import { listRepairJobs, loadRepairJob } from "./query";

export const GET = staffRoute([...REPAIR_DESK, "system", "integration"], async (req, res) => {
  const q = parseOrThrow(listRepairJobsQuerySchema, req.query);
  const { jobs, count, count_estimated } = await listRepairJobs(req.scope, { ...q, callerId: req.actor.id });
  res.json({ repair_jobs: jobs, count, count_estimated, limit: q.limit, offset: q.offset });
});

/**
 * Intake. Every intake carries a key (the form's, or one made here), so a job committed before a
 * later effect failed is still answered with 201; a key seen before answers its job (finishing what
 * is due when nobody holds it), or 409 `idempotency_key_reused` for another body.
 */
export const POST = staffRoute(REPAIR_DESK, async (req, res) => {
  const body = parseOrThrow(createRepairJobBodySchema, req.body);
  let phone: string;
  try {
    phone = normalisePhone(body.customer.phone);
  } catch (err) {
    if (err instanceof InvalidPhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: customer.phone: ${err.message}`);
    throw err;
  }
  const intake: RepairIntake = {
    ...body, idempotency_key: body.idempotency_key ?? `intake:${randomUUID()}`, customer: { name: body.customer.name, phone },
    created_by: req.actor.name, created_by_id: req.actor.id,
  };
  const findJob = async () => (await rows(sqlConnection(req.scope),
    `SELECT id, request_hash, outbox, lease_until FROM repair_job WHERE idempotency_key = ? AND deleted_at IS NULL`, [intake.idempotency_key]))[0];
  const reused = () => res.status(409).json({ type: "idempotency_key_reused", message: "This idempotency_key was used for a different intake", field: "idempotency_key" });

  const seen = await findJob();
  if (seen) {
    const decision = decideIntakeRetry(
      { same_body: seen.request_hash === intakeRequestHash(intake), effects_due: (seen.outbox as unknown[]).length, lease_until: seen.lease_until as Date | null },
      new Date());
    if (decision === "reused") return void reused();
    if (decision === "finish" && (await takeJobLease(req.scope, String(seen.id)))) {
      await finishRepairJob(req.scope, String(seen.id)).catch((err: Error) => req.scope.resolve("logger").warn(`Repair job ${seen.id}: ${err.message}`));
    }
    return void res.status(201).json({ repair_job: await loadRepairJob(req.scope, String(seen.id)) });
  }

  const { result, errors } = await createRepairJobWorkflow(req.scope).run({ input: intake, throwOnError: false });
  if (errors.length) {
    // Committed before the failure (the CRM hook, say): the job stands and the recovery finishes it.
    const committed = await findJob();
    if (!committed) return void respondToWorkflowError(res, errors);
    if (committed.request_hash !== intakeRequestHash(intake)) return void reused();
    req.scope.resolve("logger").warn(`Repair job ${committed.id} committed; its remaining effects wait for recovery: ${String((errors[0]!.error as Error)?.message)}`);
    return void res.status(201).json({ repair_job: await loadRepairJob(req.scope, String(committed.id)) });
  }
  res.status(201).json({ repair_job: await loadRepairJob(req.scope, result.id) });
});
