import { error } from "@sveltejs/kit";
import { allowedNextStatuses, linesEditable, REPAIR_DESK } from "@voltura/domain";
import { REPAIR_STATUS_LABELS } from "$lib/repair/labels";
import { type RepairBilling, type RepairJob } from "@voltura/contracts";
import { CommerceError, getRepairJobFlows } from "@voltura/medusa-client";
import { liveRecordDependency } from "$lib/live/protocol";
import { abilitiesFor } from "$lib/repair/abilities";
import { commerceProblem } from "$lib/server/commerce";
import { getEnv } from "$lib/server/env";
import { requireRole } from "$lib/server/guard";
import {
  addFeeAction,
  addLabourAction,
  addPartAction,
  claimWarrantyAction,
  decideQuoteAction,
  pickupAction,
  removeLineAction,
  sendQuoteAction,
  voidWarrantyAction,
} from "$lib/server/job-billing-actions";
import {
  assignAction,
  deletePhotoAction,
  detailsAction,
  diagnosisAction,
  noteAction,
  statusAction,
  uploadPhotosAction,
} from "$lib/server/job-desk-actions";
import { billingView, jobDetail } from "$lib/server/job-views";
import { repairFlowViews } from "$lib/server/repair-flows-view";
import { labourServices, searchParts } from "$lib/server/parts";
import { staffNames } from "$lib/server/staff-directory";
import { technicians } from "$lib/server/technicians";
import { sortWarranties, warrantyView } from "$lib/server/warranty-view";
import type { PartOption } from "$lib/types";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
  // Reloaded by <JobChangedNote> when this job changes (not while a form is being edited).
  depends(liveRecordDependency("job", params.id));
  const { commerce, staff } = requireRole(locals, REPAIR_DESK);
  let job: RepairJob;
  try {
    job = await commerce.getRepairJob(params.id);
  } catch (err) {
    if (err instanceof CommerceError && err.status === 404) error(404, { message: m.job_not_found() });
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  const can = abilitiesFor(staff.role);
  const linesOpen = linesEditable(job.status); // commerce refuses a line change later with a 409
  const partQuery = (url.searchParams.get("part_q") ?? "").trim().slice(0, 100);

  const temporalUi = getEnv().TEMPORAL_UI_URL;
  const [names, billing, techs, parts, services, flows] = await Promise.all([
    staffNames(),
    commerce.getRepairBilling(job.id).then(
      (b): { billing: RepairBilling; problem: null } => ({ billing: b, problem: null }),
      (err: unknown) => ({ billing: null, problem: commerceProblem(err).message }),
    ),
    can.assign ? technicians() : Promise.resolve([]),
    can.editLines && linesOpen && partQuery.length >= 2 ? searchParts(commerce, partQuery).catch((): PartOption[] => []) : Promise.resolve(null),
    can.editLines && linesOpen ? labourServices(commerce).catch((): PartOption[] => []) : Promise.resolve([]),
    getRepairJobFlows(commerce, job.id).then(
      (answer) => ({ views: repairFlowViews(answer, temporalUi), problem: null }),
      (err: unknown) => ({ views: [], problem: commerceProblem(err).message }),
    ),
  ]);

  return {
    job: jobDetail(job, names),
    billing: billing.billing ? billingView(billing.billing, names) : null,
    billingProblem: billing.problem,
    warranties: billing.billing ? sortWarranties(billing.billing.warranties.map(warrantyView)) : [],
    can,
    linesOpen,
    technicians: techs,
    partSearch: { q: partQuery, results: parts },
    labourServices: services,
    nextStatuses: allowedNextStatuses(job.status).map((s) => ({ value: s, label: REPAIR_STATUS_LABELS[s] })),
    trackingUrl: `${url.origin}/track/${encodeURIComponent(job.tracking_token)}`,
    justCreated: url.searchParams.has("created"),
    justClaimed: url.searchParams.has("claimed"),
    pickupOpen: url.searchParams.has("pickup"),
    flows: flows.views,
    flowsProblem: flows.problem,
    workflowUrl:
      temporalUi && job.workflow_id
        ? `${temporalUi.replace(/\/$/, "")}/namespaces/voltura/workflows/${encodeURIComponent(job.workflow_id)}`
        : null,
  };
};

export const actions: Actions = {
  status: statusAction,
  assign: assignAction,
  details: detailsAction,
  diagnosis: diagnosisAction,
  note: noteAction,
  addPart: addPartAction,
  addLabour: addLabourAction,
  addFee: addFeeAction,
  removeLine: removeLineAction,
  sendQuote: sendQuoteAction,
  decideQuote: decideQuoteAction,
  pickup: pickupAction,
  voidWarranty: voidWarrantyAction,
  claimWarranty: claimWarrantyAction,
  uploadPhotos: uploadPhotosAction,
  deletePhoto: deletePhotoAction,
};
