import { REPAIR_DESK, repairStatusSchema } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobRow } from "$lib/server/jobs-view";
import type { PageServerLoad } from "./$types";

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, REPAIR_DESK);
  const status = repairStatusSchema.safeParse(url.searchParams.get("status")).data ?? null;
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const filters = { status, q, page };
  try {
    const list = await commerce.listRepairJobs({
      status: status ?? undefined,
      q: q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(list.count / PAGE_SIZE));
    return { filters, jobs: list.repair_jobs.map(jobRow), count: list.count, pages, pageSize: PAGE_SIZE, problem: null };
  } catch (err) {
    return { filters, jobs: [], count: 0, pages: 1, pageSize: PAGE_SIZE, problem: commerceProblem(err).message };
  }
};
