import { MANAGERS, REPAIR_DESK, REPAIR_STATUSES, roleAllowed, type RepairStatus } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";
import type { JobCard } from "$lib/repair/views";
import { jobCard } from "$lib/server/job-views";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { lowStockCount } from "$lib/server/inventory";
import { jobRow } from "$lib/server/jobs-view";
import type { PageServerLoad } from "./$types";

/** Open jobs past their SLA, most overdue first (managers and owners only; best effort). */
async function slaBreaches(commerce: CommerceClient): Promise<{ jobs: JobCard[]; count: number; problem: string | null }> {
  try {
    const list = await commerce.listSlaBreaches();
    return { jobs: list.repair_jobs.slice(0, 10).map(jobCard), count: list.count, problem: null };
  } catch (err) {
    return { jobs: [], count: 0, problem: commerceProblem(err).message };
  }
}

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  const breaches = roleAllowed(staff.role, MANAGERS) ? slaBreaches(commerce) : Promise.resolve(null);
  const lowStock = lowStockCount(commerce);
  try {
    const [counts, recent] = await Promise.all([
      Promise.all(
        REPAIR_STATUSES.map(async (status) => ({ status, count: (await commerce.listRepairJobs({ status, limit: 1 })).count })),
      ),
      commerce.listRepairJobs({ limit: 8 }),
    ]);
    return {
      firstName: staff.name.split(" ")[0],
      counts,
      total: recent.count,
      recent: recent.repair_jobs.map(jobRow),
      breaches: await breaches,
      lowStock: await lowStock,
      problem: null,
    };
  } catch (err) {
    const empty: { status: RepairStatus; count: number }[] = [];
    return { firstName: staff.name.split(" ")[0], counts: empty, total: 0, recent: [], breaches: await breaches, lowStock: await lowStock, problem: commerceProblem(err).message };
  }
};
