import { MANAGERS, SLA_PAUSED_STATUSES, SLA_RUNNING_STATUSES } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { repairService } from "../../../../desk/context";
import { loadRepairJobsByIds } from "../query";

/**
 * Open jobs past their SLA, most overdue first: jobs still being worked on or waiting
 * (Pending, In Progress, Awaiting Approval / Parts). Completed and finished jobs stopped their clock.
 */
export const GET = staffRoute([...MANAGERS, "system"], async (req, res) => {
  const ids = await repairService(req.scope).listSlaBreachedJobIds({ statuses: [...SLA_RUNNING_STATUSES, ...SLA_PAUSED_STATUSES] });
  const jobs = await loadRepairJobsByIds(req.scope, ids);
  res.json({ repair_jobs: jobs, count: jobs.length });
});
