import { fail } from "@sveltejs/kit";
import { allowedNextStatuses, REPAIR_DESK, repairStatusSchema } from "@voltura/domain";
import type { RepairJob } from "@voltura/contracts";
import { JOB_ABILITY_ROLES } from "$lib/repair/abilities";
import { BOARD_COLUMNS, groupByColumn } from "$lib/repair/board";
import { REPAIR_STATUS_LABELS } from "$lib/repair/labels";
import { compareBySla } from "$lib/repair/sla";
import { commerceMessage } from "$lib/server/action-result";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobCard } from "$lib/server/job-views";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

/** How many delivered jobs the last column shows. */
const RECENT_DELIVERED = 10;

export const load: PageServerLoad = async ({ locals, depends }) => {
  depends("live:job");
  const { commerce } = requireRole(locals, REPAIR_DESK);
  try {
    const board = await commerce.getRepairJobBoard();
    const jobs: RepairJob[] = [...board.columns.flatMap((c) => c.repair_jobs), ...board.finished];
    const unique = [...new Map(jobs.map((j) => [j.id, j])).values()];
    const grouped = groupByColumn(unique.map(jobCard));
    const counts = new Map(board.columns.map((c) => [c.status, c.count]));
    return {
      columns: BOARD_COLUMNS.map((c) => {
        const cards = grouped.get(c.status) ?? [];
        // Open work most urgent first; finished jobs as commerce lists them (most recent first).
        const shown = c.status === "delivered" ? cards.slice(0, RECENT_DELIVERED) : c.status === "completed" ? cards : cards.toSorted(compareBySla);
        return {
          ...c,
          count: counts.get(c.status) ?? shown.length,
          cards: shown.map((card) => ({ ...card, next: allowedNextStatuses(card.status).map((s) => ({ value: s, label: REPAIR_STATUS_LABELS[s] })) })),
        };
      }),
      problem: null,
    };
  } catch (err) {
    return { columns: [], problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  /** Moves a card to one of its allowed next statuses (commerce answers 409 for any other). */
  move: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.status);
    const data = await request.formData();
    const jobId = String(data.get("job_id") ?? "");
    const jobNumber = String(data.get("job_number") ?? m.jobs_board_the_job());
    const status = repairStatusSchema.safeParse(data.get("status"));
    if (!jobId || !status.success) return fail(400, { target: jobId, error: m.jobs_board_choose_status() });
    try {
      await commerce.changeRepairJobStatus(jobId, { status: status.data });
    } catch (err) {
      const problem = commerceMessage(err);
      return fail(problem.status >= 400 && problem.status < 600 ? problem.status : 502, { target: jobId, error: `${jobNumber}: ${problem.message}` });
    }
    return { target: jobId, success: m.jobs_board_moved({ job: jobNumber, status: REPAIR_STATUS_LABELS[status.data] }) };
  },
};
