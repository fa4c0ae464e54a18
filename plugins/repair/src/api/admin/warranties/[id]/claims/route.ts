import { warrantyClaimBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../workflows/steps/billing-errors";
import { WARRANTY_CLAIM_TAKERS } from "../../../billing-roles";
import { toApiWarranty } from "../../../../../workflows/steps/billing-serialise";
import { claimRepairWarrantyWorkflow } from "../../../../../workflows/claim-repair-warranty";
import { loadWarranty } from "../../../../../workflows/steps/void-repair-warranty";

/** Opens a warranty claim job (no labour charge); 409 with the reason when the warranty is void or expired. */
export const POST = staffRoute(WARRANTY_CLAIM_TAKERS, async (req, res) => {
  const body = parseOrThrow(warrantyClaimBodySchema, req.body);
  const { result, errors } = await claimRepairWarrantyWorkflow(req.scope).run({
    input: { warranty_id: req.params.id!, issue: body.issue, note: body.note ?? null, created_by: req.actor.name, created_by_id: req.actor.id },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({
    warranty: toApiWarranty(await loadWarranty(req.scope, req.params.id!)), claim_job_id: result.id, claim_job_number: result.job_number,
  });
});
