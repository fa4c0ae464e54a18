import { deviceTypeSchema, prioritySchema, REPAIR_DESK, repairStatusSchema } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobRow } from "$lib/server/jobs-view";
import { technicians } from "$lib/server/technicians";
import type { PageServerLoad } from "./$types";

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, REPAIR_DESK);
  const p = url.searchParams;
  const status = repairStatusSchema.safeParse(p.get("status")).data ?? null;
  const priority = prioritySchema.safeParse(p.get("priority")).data ?? null;
  const device = deviceTypeSchema.safeParse(p.get("device")).data ?? null;
  const technician = (p.get("technician") ?? "").trim().slice(0, 100) || null;
  const breached = p.get("breached") === "1" || p.get("breached") === "true";
  const q = (p.get("q") ?? "").trim().slice(0, 100);
  const page = Math.max(1, Number.parseInt(p.get("page") ?? "1", 10) || 1);
  const filters = { status, q, page, priority, technician, device, breached };
  const techs = await technicians();
  try {
    const list = await commerce.listRepairJobs({
      status: status ?? undefined,
      q: q || undefined,
      priority: priority ?? undefined,
      device_type: device ?? undefined,
      technician_id: technician ?? undefined,
      breached: breached || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(list.count / PAGE_SIZE));
    return { filters, technicians: techs, jobs: list.repair_jobs.map(jobRow), count: list.count, pages, pageSize: PAGE_SIZE, problem: null };
  } catch (err) {
    return { filters, technicians: techs, jobs: [], count: 0, pages: 1, pageSize: PAGE_SIZE, problem: commerceProblem(err).message };
  }
};
