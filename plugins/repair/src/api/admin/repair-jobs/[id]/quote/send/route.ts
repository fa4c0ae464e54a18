import { sendQuoteBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../../workflows/steps/billing-errors";
import { loadRepairBilling } from "../../../../../../workflows/steps/load-billing";
import { LINE_AND_QUOTE_WRITERS } from "../../../../billing-roles";
import { sendRepairQuoteWorkflow } from "../../../../../../workflows/send-repair-quote";

/** Freezes the current lines as the next quote version and moves the job to Awaiting Approval. */
export const POST = staffRoute(LINE_AND_QUOTE_WRITERS, async (req, res) => {
  const body = parseOrThrow(sendQuoteBodySchema, req.body ?? {});
  const { errors } = await sendRepairQuoteWorkflow(req.scope).run({
    input: { job_id: req.params.id!, note: body.note ?? null, sent_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ billing: await loadRepairBilling(req.scope, req.params.id!) });
});
