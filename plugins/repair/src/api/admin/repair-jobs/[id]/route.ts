import { MedusaError } from "@medusajs/framework/utils";
import { REPAIR_DESK, type AnyRole } from "@voltura/domain";
import { updateRepairJobBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updateRepairJobWorkflow } from "../../../../workflows/update-repair-job";
import { loadRepairJob } from "../query";

/** The diagnosis is the bench's word: technicians, managers and owners. */
export const DIAGNOSIS_WRITERS: readonly AnyRole[] = ["owner", "manager", "technician"];

/** The job with its status history, timeline (events) and photos. */
export const GET = staffRoute([...REPAIR_DESK, "system", "integration"], async (req, res) => {
  res.json({ repair_job: await loadRepairJob(req.scope, req.params.id!) });
});

/** Priority / ETA / diagnosis / technician / accessories / condition notes, or a note on the timeline. */
export const POST = staffRoute(REPAIR_DESK, async (req, res) => {
  const body = parseOrThrow(updateRepairJobBodySchema, req.body);
  if (body.diagnosis !== undefined && !DIAGNOSIS_WRITERS.includes(req.actor.role)) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, `diagnosis: your role (${req.actor.role}) may not set the diagnosis. Allowed: ${DIAGNOSIS_WRITERS.join(", ")}.`);
  }
  await updateRepairJobWorkflow(req.scope).run({
    input: { id: req.params.id!, changes: body, actor: { id: req.actor.id, name: req.actor.name } },
  });
  res.json({ repair_job: await loadRepairJob(req.scope, req.params.id!) });
});
