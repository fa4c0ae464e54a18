import { REPAIR_DESK, type RepairStatus } from "@voltura/domain";
import { compareBySla } from "$lib/repair/sla";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobCard } from "$lib/server/job-views";
import type { PageServerLoad } from "./$types";

/** The bench's work: assigned jobs not yet completed. */
const OPEN: readonly RepairStatus[] = ["pending", "awaiting_approval", "awaiting_parts", "in_progress"];

export const load: PageServerLoad = async ({ locals, depends }) => {
  depends("live:job");
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  const firstName = staff.name.split(" ")[0] ?? staff.name;
  try {
    const list = await commerce.listRepairJobs({ mine: true, limit: 200 });
    const jobs = list.repair_jobs.filter((j) => OPEN.includes(j.status)).map(jobCard).sort(compareBySla);
    return { firstName, jobs, problem: null };
  } catch (err) {
    return { firstName, jobs: [], problem: commerceProblem(err).message };
  }
};
