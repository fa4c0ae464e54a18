import { z } from "zod";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadInvoice } from "../../../../../../invoicing/documents";
import { toApiInvoice, toApiQuotation } from "../../../../../../invoicing/records";
import { respondToWorkflowError } from "../../../../../../invoicing/respond";
import { SALES_WRITERS } from "../../../../../../invoicing/roles";
import { convertQuotationWorkflow } from "../../../../../../workflows/convert-quotation";

const bodySchema = z.object({ due_days: z.number().int().min(0).max(365).default(0) });

/** Quotation → invoice (INV number from the shop's one series) → 201 { quotation, invoice }; 409 when not convertible. */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(bodySchema, req.body ?? {});
  const { result, errors } = await convertQuotationWorkflow(req.scope).run({
    input: { id: req.params.id!, created_by: req.actor.name, due_days: body.due_days }, throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ quotation: toApiQuotation(result.quotation), invoice: toApiInvoice(await loadInvoice(req.scope, result.invoice.id)) });
});
