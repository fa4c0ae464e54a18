import { quotationStatusBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { toApiQuotation } from "../../../../../../api/records";
import { respondToWorkflowError } from "../../../../../respond";
import { QUOTATION_MOVERS } from "../../../../../../domain/roles";
import { changeQuotationStatusWorkflow } from "../../../../../../workflows/change-quotation-status";

/** { status: sent | accepted | declined | expired | draft } → 409 naming the allowed moves when not allowed. */
export const POST = staffRoute(QUOTATION_MOVERS, async (req, res) => {
  const body = parseOrThrow(quotationStatusBodySchema, req.body);
  const { result, errors } = await changeQuotationStatusWorkflow(req.scope).run({ input: { id: req.params.id!, status: body.status }, throwOnError: false });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ quotation: toApiQuotation(result) });
});
