import { fail, redirect } from "@sveltejs/kit";
import { REPAIR_DESK } from "@voltura/domain";
import { CommerceError, type RepairJob } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { formValues, type FieldErrors } from "$lib/server/forms";
import { requireRole } from "$lib/server/guard";
import { fieldForCommerceMessage, JOB_FORM_FIELDS, parseJobForm } from "$lib/server/job-form";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = ({ locals }) => {
  requireRole(locals, REPAIR_DESK);
  return {};
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, REPAIR_DESK);
    const values = formValues(await request.formData(), JOB_FORM_FIELDS);
    const refuse = (status: number, errors: FieldErrors, message: string | null) => fail(status, { values, errors, message });

    const parsed = parseJobForm(values);
    if (!parsed.ok) return refuse(400, parsed.errors, "Some details are missing or not valid. Check the highlighted fields.");

    let job: RepairJob;
    try {
      job = await commerce.createRepairJob(parsed.body);
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400) {
        const field = fieldForCommerceMessage(err.message);
        return refuse(400, field ? { [field]: err.message } : {}, err.message);
      }
      const problem = commerceProblem(err);
      return refuse(problem.status >= 400 && problem.status < 600 ? problem.status : 502, {}, problem.message);
    }
    redirect(303, `/jobs/${encodeURIComponent(job.id)}`);
  },
};
