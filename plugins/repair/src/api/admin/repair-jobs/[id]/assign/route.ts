import { REPAIR_DESK } from "@voltura/domain";
import { assignTechnicianBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updateRepairJobWorkflow } from "../../../../../workflows/update-repair-job";
import { loadRepairJob } from "../../query";

/** Assigns or reassigns a technician (400 unless the user is an active technician); null unassigns. */
export const POST = staffRoute(REPAIR_DESK, async (req, res) => {
  const body = parseOrThrow(assignTechnicianBodySchema, req.body);
  await updateRepairJobWorkflow(req.scope).run({
    input: { id: req.params.id!, changes: { technician_id: body.technician_id }, actor: { id: req.actor.id, name: req.actor.name } },
  });
  res.json({ repair_job: await loadRepairJob(req.scope, req.params.id!) });
});
