import { addRepairLineBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../workflows/steps/billing-errors";
import { loadRepairBilling } from "../../../../../workflows/steps/load-billing";
import { LINE_AND_QUOTE_WRITERS } from "../../../billing-roles";
import { toApiLine } from "../../../../../workflows/steps/billing-serialise";
import { addRepairLineWorkflow } from "../../../../../workflows/add-repair-line";

/** Adds a part (reserves stock; 409 with `available` when short), labour or a fee. */
export const POST = staffRoute(LINE_AND_QUOTE_WRITERS, async (req, res) => {
  const body = parseOrThrow(addRepairLineBodySchema, req.body);
  const { result, errors } = await addRepairLineWorkflow(req.scope).run({
    input: { job_id: req.params.id!, body, created_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ line: toApiLine(result), billing: await loadRepairBilling(req.scope, req.params.id!) });
});
