import { voidWarrantyBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../workflows/steps/billing-errors";
import { WARRANTY_VOIDERS } from "../../../billing-roles";
import { toApiWarranty } from "../../../../../workflows/steps/billing-serialise";
import { loadWarranty } from "../../../../../workflows/steps/void-repair-warranty";
import { voidRepairWarrantyWorkflow } from "../../../../../workflows/void-repair-warranty";

/** Records what voids the warranty; claims are refused with the reason afterwards. */
export const POST = staffRoute(WARRANTY_VOIDERS, async (req, res) => {
  const body = parseOrThrow(voidWarrantyBodySchema, req.body);
  const { errors } = await voidRepairWarrantyWorkflow(req.scope).run({
    input: { warranty_id: req.params.id!, reason: body.reason, note: body.note ?? null, voided_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ warranty: toApiWarranty(await loadWarranty(req.scope, req.params.id!)) });
});
