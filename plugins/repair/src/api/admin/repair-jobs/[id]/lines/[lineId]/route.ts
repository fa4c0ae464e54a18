import { staffRoute } from "@voltura/medusa-kit";
import { respondToWorkflowError } from "../../../../../../workflows/steps/billing-errors";
import { loadRepairBilling } from "../../../../../../workflows/steps/load-billing";
import { LINE_AND_QUOTE_WRITERS } from "../../../../billing-roles";
import { removeRepairLineWorkflow } from "../../../../../../workflows/remove-repair-line";

/** Removes a line; a part's reservation goes back to stock. */
export const DELETE = staffRoute(LINE_AND_QUOTE_WRITERS, async (req, res) => {
  const { errors } = await removeRepairLineWorkflow(req.scope).run({
    input: { job_id: req.params.id!, line_id: req.params.lineId! },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ billing: await loadRepairBilling(req.scope, req.params.id!) });
});
