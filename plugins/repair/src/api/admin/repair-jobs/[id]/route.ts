import { REPAIR_DESK } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { loadRepairJob } from "../query";

export const GET = staffRoute([...REPAIR_DESK, "system", "integration"], async (req, res) => {
  res.json({ repair_job: await loadRepairJob(req.scope, req.params.id!) });
});
