import { fail } from "@sveltejs/kit";
import { REPAIR_DESK, repairStatusSchema } from "@voltura/domain";
import { REPAIR_BULK_MAX_JOBS, type BulkRepairJobsAnswer } from "@voltura/contracts";
import { bulkRepairJobs } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { jobsListQuery, parseJobsView } from "$lib/server/jobs-list";
import { jobRow } from "$lib/server/jobs-view";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import { canOpen } from "$lib/server/route-access";
import { technicians } from "$lib/server/technicians";
import type { Actions, PageServerLoad } from "./$types";

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url, depends }) => {
  depends("live:job");
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  const view = parseJobsView(url.searchParams);
  const can = { export: canOpen("/(staff)/jobs/export", staff.role), slips: canOpen("/(staff)/jobs/slips", staff.role) };
  const [techs, presets] = await Promise.all([technicians(), loadPresets(locals, "jobs")]);
  const base = { view, technicians: techs, presets, can, pageSize: PAGE_SIZE };
  try {
    const list = await commerce.listRepairJobs(jobsListQuery(view, { limit: PAGE_SIZE, offset: (view.page - 1) * PAGE_SIZE }));
    return { ...base, jobs: list.repair_jobs.map(jobRow), count: list.count, countEstimated: !!list.count_estimated, problem: null };
  } catch (err) {
    return { ...base, jobs: [], count: 0, countEstimated: false, problem: commerceProblem(err).message };
  }
};

/** The selection of the bulk bar: at most one page of ids, each once. */
function selectedIds(data: FormData): string[] {
  const ids = data.getAll("ids").map(String).filter((id) => /^[\w-]{1,100}$/.test(id));
  return [...new Set(ids)].slice(0, REPAIR_BULK_MAX_JOBS);
}

type BulkOutcome = { bulk: { answer?: BulkRepairJobsAnswer; error?: string } };

async function runBulk(locals: App.Locals, data: FormData, body: { action: "status"; status: string } | { action: "assign"; technician_id: string | null }) {
  const { commerce } = requireRole(locals, REPAIR_DESK);
  const ids = selectedIds(data);
  if (!ids.length) return fail(400, { bulk: { error: m.table_select_at_least_one() } } as BulkOutcome);
  const key = String(data.get("idempotency_key") ?? "");
  try {
    const answer = await bulkRepairJobs(commerce, { ...body, ids, idempotency_key: key.length >= 8 ? key : crypto.randomUUID() } as Parameters<typeof bulkRepairJobs>[1]);
    return { bulk: { answer } } as BulkOutcome;
  } catch (err) {
    const problem = commerceProblem(err);
    return fail(problem.status >= 500 ? 503 : problem.status, { bulk: { error: problem.message } } as BulkOutcome);
  }
}

export const actions: Actions = {
  ...presetActions("jobs", REPAIR_DESK),
  bulkStatus: async ({ locals, request }) => {
    const data = await request.formData();
    const status = repairStatusSchema.safeParse(data.get("status"));
    if (!status.success) return fail(400, { bulk: { error: m.table_jobs_choose_status() } } as BulkOutcome);
    return runBulk(locals, data, { action: "status", status: status.data });
  },
  bulkAssign: async ({ locals, request }) => {
    const data = await request.formData();
    const technician = String(data.get("technician_id") ?? "").trim();
    return runBulk(locals, data, { action: "assign", technician_id: technician === "" ? null : technician });
  },
};
