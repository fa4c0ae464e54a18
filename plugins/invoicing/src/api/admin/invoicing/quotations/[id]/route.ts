import { updateQuotationBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadQuotation } from "../../../../../workflows/steps/documents";
import { toApiQuotation } from "../../../../../api/records";
import { respondToWorkflowError } from "../../../../respond";
import { INVOICING_READERS, INVOICING_WRITERS } from "../../../../../domain/roles";
import { updateQuotationWorkflow } from "../../../../../workflows/update-quotation";

export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  res.json({ quotation: toApiQuotation(await loadQuotation(req.scope, req.params.id!)) });
});

/** Edits lines, buyer, validity or notes while the quotation is draft or sent (409 after). */
export const POST = staffRoute(INVOICING_WRITERS, async (req, res) => {
  const body = parseOrThrow(updateQuotationBodySchema, req.body);
  const { result, errors } = await updateQuotationWorkflow(req.scope).run({ input: { id: req.params.id!, ...body }, throwOnError: false });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ quotation: toApiQuotation(result) });
});
