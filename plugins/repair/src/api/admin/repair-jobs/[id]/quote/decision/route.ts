import { decideQuoteBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../../workflows/steps/billing-errors";
import { loadRepairBilling } from "../../../../../../workflows/steps/load-billing";
import { QUOTE_DECIDERS } from "../../../../billing-roles";
import { decideRepairQuoteWorkflow } from "../../../../../../workflows/decide-repair-quote";

/** The customer's answer taken at the counter: approve → In Progress, reject → Returned Unrepaired; 409 once decided. */
export const POST = staffRoute(QUOTE_DECIDERS, async (req, res) => {
  const body = parseOrThrow(decideQuoteBodySchema, req.body);
  const { errors } = await decideRepairQuoteWorkflow(req.scope).run({
    input: { job_id: req.params.id!, decision: body.decision, note: body.note ?? null, channel: body.channel, decided_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ billing: await loadRepairBilling(req.scope, req.params.id!) });
});
