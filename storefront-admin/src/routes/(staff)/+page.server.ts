import { REPAIR_DESK, REPAIR_STATUSES, type RepairStatus } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobRow } from "$lib/server/jobs-view";
import type { PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  try {
    const [counts, recent] = await Promise.all([
      Promise.all(
        REPAIR_STATUSES.map(async (status) => ({ status, count: (await commerce.listRepairJobs({ status, limit: 1 })).count })),
      ),
      commerce.listRepairJobs({ limit: 8 }),
    ]);
    return { firstName: staff.name.split(" ")[0], counts, total: recent.count, recent: recent.repair_jobs.map(jobRow), problem: null };
  } catch (err) {
    const empty: { status: RepairStatus; count: number }[] = [];
    return { firstName: staff.name.split(" ")[0], counts: empty, total: 0, recent: [], problem: commerceProblem(err).message };
  }
};
