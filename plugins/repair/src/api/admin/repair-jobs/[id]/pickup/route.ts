import { pickupBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../workflows/steps/billing-errors";
import { loadRepairBilling } from "../../../../../workflows/steps/load-billing";
import { PICKUP_TAKERS } from "../../../billing-roles";
import { recordRepairPickupWorkflow } from "../../../../../workflows/record-repair-pickup";

/** Takes payment (400 with shortfall_sen when short; cash change in the answer), delivers the job, starts warranties. */
export const POST = staffRoute(PICKUP_TAKERS, async (req, res) => {
  const body = parseOrThrow(pickupBodySchema, req.body);
  const { result, errors } = await recordRepairPickupWorkflow(req.scope).run({
    input: {
      job_id: req.params.id!, collected_by: body.collected_by, collected_by_ic_last4: body.collected_by_ic_last4 ?? null,
      payments: body.payments.map((p) => ({ method: p.method, amount_sen: p.amount_sen, reference: p.reference ?? null })),
      received_by: req.actor.name,
    },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ billing: await loadRepairBilling(req.scope, req.params.id!), paid_sen: result.paid_sen, change_sen: result.change_sen });
});
