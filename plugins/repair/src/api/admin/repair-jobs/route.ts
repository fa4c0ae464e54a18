import { MedusaError } from "@medusajs/framework/utils";
import { InvalidPhoneError, normalisePhone, REPAIR_DESK } from "@voltura/domain";
import { createRepairJobBodySchema, listRepairJobsQuerySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { createRepairJobWorkflow } from "../../../workflows/create-repair-job";
import { listRepairJobs, loadRepairJob } from "./query";

export const GET = staffRoute([...REPAIR_DESK, "system", "integration"], async (req, res) => {
  const q = parseOrThrow(listRepairJobsQuerySchema, req.query);
  const { jobs, count } = await listRepairJobs(req.scope, { ...q, callerId: req.actor.id });
  res.json({ repair_jobs: jobs, count, limit: q.limit, offset: q.offset });
});

export const POST = staffRoute(REPAIR_DESK, async (req, res) => {
  const body = parseOrThrow(createRepairJobBodySchema, req.body);
  let phone: string;
  try {
    phone = normalisePhone(body.customer.phone);
  } catch (err) {
    if (err instanceof InvalidPhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: customer.phone: ${err.message}`);
    throw err;
  }
  const { result } = await createRepairJobWorkflow(req.scope).run({
    input: { ...body, customer: { name: body.customer.name, phone }, created_by: req.actor.name, created_by_id: req.actor.id },
  });
  res.status(201).json({ repair_job: await loadRepairJob(req.scope, result.id) });
});
