import { randomUUID } from "node:crypto";
import { fail, redirect } from "@sveltejs/kit";
import { REPAIR_DESK } from "@voltura/domain";
import { warrantyClaimBodySchema, type RepairJob } from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import { abilitiesFor, JOB_ABILITY_ROLES } from "$lib/repair/abilities";
import { commerceProblem } from "$lib/server/commerce";
import type { FieldErrors } from "$lib/server/forms";
import { requireRole } from "$lib/server/guard";
import { lookupWarranties, type WarrantyLookup } from "$lib/server/intake-lookup";
import { fieldForCommerceMessage, jobFormValues, parseJobForm, type JobFormValues } from "$lib/server/job-form";
import { technicians } from "$lib/server/technicians";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals }) => {
  const { staff } = requireRole(locals, REPAIR_DESK);
  const canAssign = abilitiesFor(staff.role).assign;
  // One key per rendered form: a post resent after a lost answer gets the job it opened, not a second one.
  return { canAssign, technicians: canAssign ? await technicians() : [], intakeKey: `intake-${randomUUID()}` };
};

type IntakeFailure = { values: JobFormValues; errors: FieldErrors; message: string | null; warranty?: WarrantyLookup | null };

const httpStatus = (status: number) => (status >= 400 && status < 600 ? status : 502);

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, REPAIR_DESK);
    const values = jobFormValues(await request.formData());
    const refuse = (status: number, errors: FieldErrors, message: string | null) =>
      fail(status, { values, errors, message } satisfies IntakeFailure);

    const parsed = parseJobForm(values);
    if (!parsed.ok) return refuse(400, parsed.errors, m.intake_check_fields());

    let job: RepairJob;
    try {
      job = await commerce.createRepairJob(parsed.body);
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400) {
        const field = fieldForCommerceMessage(err.message);
        return refuse(400, field ? { [field]: err.message } : {}, err.message);
      }
      const problem = commerceProblem(err);
      return refuse(httpStatus(problem.status), {}, problem.message);
    }
    redirect(303, `/jobs/${encodeURIComponent(job.id)}?created=1`);
  },

  /** Without JavaScript: "Check warranty" posts the form here and gets the panel back. */
  warranty: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, REPAIR_DESK);
    const values = jobFormValues(await request.formData());
    try {
      const warranty = await lookupWarranties(commerce, { imei: values.imei_serial, phone: values.customer_phone });
      return { values, errors: {}, message: null, warranty };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(httpStatus(problem.status), { values, errors: {}, message: problem.message, warranty: null } satisfies IntakeFailure);
    }
  },

  /** "Open a warranty claim" from the panel: a claim job on the warranty, with the reported issue. */
  claim: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.claimWarranty);
    const data = await request.formData();
    const values = jobFormValues(data);
    const warrantyId = String(data.get("claim_warranty_id") ?? "");
    const body = warrantyClaimBodySchema.safeParse({ issue: values.issue, note: values.condition_notes.trim() || undefined });
    if (!warrantyId || !body.success) {
      return fail(400, {
        values,
        errors: { issue: m.intake_claim_issue_required() },
        message: m.intake_claim_issue_again(),
      } satisfies IntakeFailure);
    }
    let claimJobId: string;
    try {
      claimJobId = (await commerce.claimRepairWarranty(warrantyId, body.data)).claim_job_id;
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(httpStatus(problem.status), { values, errors: {}, message: problem.message } satisfies IntakeFailure);
    }
    redirect(303, `/jobs/${encodeURIComponent(claimJobId)}?claimed=1`);
  },
};
