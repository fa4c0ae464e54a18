import { updateQuotationBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadQuotation } from "../../../../../invoicing/documents";
import { toApiQuotation } from "../../../../../invoicing/records";
import { respondToWorkflowError } from "../../../../../invoicing/respond";
import { SALES_READERS, SALES_WRITERS } from "../../../../../invoicing/roles";
import { updateQuotationWorkflow } from "../../../../../workflows/update-quotation";

export const GET = staffRoute(SALES_READERS, async (req, res) => {
  res.json({ quotation: toApiQuotation(await loadQuotation(req.scope, req.params.id!)) });
});

/** Edits lines, buyer, validity or notes while the quotation is draft or sent (409 after). */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(updateQuotationBodySchema, req.body);
  const { result, errors } = await updateQuotationWorkflow(req.scope).run({ input: { id: req.params.id!, ...body }, throwOnError: false });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ quotation: toApiQuotation(result) });
});
