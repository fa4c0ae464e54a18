import { isTerminalStatus, REPAIR_DESK, REPAIR_STATUS_LABELS, REPAIR_STATUSES } from "@voltura/domain";
import type { RepairJob, RepairJobBoard } from "@voltura/medusa-client";
import { staffRoute } from "@voltura/medusa-kit";
import { listJobsInStatuses } from "../query";

const OPEN_STATUSES = REPAIR_STATUSES.filter((s) => !isTerminalStatus(s));
const FINISHED_STATUSES = REPAIR_STATUSES.filter((s) => isTerminalStatus(s));
/** More open jobs than this is not a board any more; the list with filters is. */
const MAX_OPEN = 1000;
const FINISHED_SHOWN = 20;

/** Open jobs by status (most urgent SLA first), one column per open status. */
export function groupBoard(open: RepairJob[], finished: RepairJob[]): RepairJobBoard {
  return {
    columns: OPEN_STATUSES.map((status) => {
      const jobs = open.filter((j) => j.status === status).sort((a, b) => a.sla.due_at.localeCompare(b.sla.due_at) || a.job_number.localeCompare(b.job_number));
      return { status, label: REPAIR_STATUS_LABELS[status], count: jobs.length, repair_jobs: jobs };
    }),
    finished,
  };
}

/** The kanban: every open job grouped by status, and the last 20 finished (delivered, cancelled, returned). */
export const GET = staffRoute([...REPAIR_DESK, "system"], async (req, res) => {
  const [open, finished] = await Promise.all([
    listJobsInStatuses(req.scope, OPEN_STATUSES, MAX_OPEN, { received_at: "ASC" }),
    listJobsInStatuses(req.scope, FINISHED_STATUSES, FINISHED_SHOWN, { updated_at: "DESC" }),
  ]);
  res.json(groupBoard(open, finished));
});
