import { error, fail } from "@sveltejs/kit";
import { allowedNextStatuses, formatPhoneForDisplay, formatShopTime, REPAIR_DESK, REPAIR_STATUS_LABELS } from "@voltura/domain";
import { changeStatusBodySchema, CommerceError, type RepairJob } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { getEnv } from "$lib/server/env";
import { requireRole } from "$lib/server/guard";
import { DEVICE_LABELS } from "$lib/server/jobs-view";
import { actorName, staffNames } from "$lib/server/staff-directory";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, REPAIR_DESK);
  let job: RepairJob;
  try {
    job = await commerce.getRepairJob(params.id);
  } catch (err) {
    if (err instanceof CommerceError && err.status === 404) error(404, { message: "We couldn't find that repair job" });
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  const names = await staffNames();
  const temporalUi = getEnv().TEMPORAL_UI_URL;
  const history = (job.status_history ?? [])
    .toSorted((a, b) => Date.parse(b.changed_at) - Date.parse(a.changed_at))
    .map((h) => ({
      id: h.id,
      from: h.from_status,
      to: h.to_status,
      note: h.note,
      by: actorName(h.changed_by, names),
      at: formatShopTime(h.changed_at),
      iso: h.changed_at,
    }));
  return {
    job: {
      id: job.id,
      jobNumber: job.job_number,
      status: job.status,
      priority: job.priority,
      deviceType: DEVICE_LABELS[job.device_type],
      brand: job.brand,
      model: job.model,
      issue: job.issue,
      customerName: job.customer_name,
      customerPhone: formatPhoneForDisplay(job.customer_phone),
      customerPhoneE164: job.customer_phone,
      createdAt: formatShopTime(job.created_at),
      createdBy: actorName(job.created_by, names),
      updatedAt: formatShopTime(job.updated_at),
    },
    nextStatuses: allowedNextStatuses(job.status).map((s) => ({ value: s, label: REPAIR_STATUS_LABELS[s] })),
    history,
    workflowUrl:
      temporalUi && job.workflow_id
        ? `${temporalUi.replace(/\/$/, "")}/namespaces/voltura/workflows/${encodeURIComponent(job.workflow_id)}`
        : null,
  };
};

export const actions: Actions = {
  status: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, REPAIR_DESK);
    const data = await request.formData();
    const note = String(data.get("note") ?? "").trim();
    const parsed = changeStatusBodySchema.safeParse({ status: data.get("status"), note: note || undefined });
    if (!parsed.success) return fail(400, { statusError: "Choose the status to move this job to.", note });
    try {
      await commerce.changeRepairJobStatus(params.id, parsed.data);
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status >= 400 && problem.status < 600 ? problem.status : 502, { statusError: problem.message, note });
    }
    return { moved: REPAIR_STATUS_LABELS[parsed.data.status] };
  },
};
