import { createQuotationBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { invoicingService } from "../../../../workflows/steps/context";
import { listFilters, listOrder, listQuerySchema } from "../list-query";
import { toApiQuotation } from "../../../../api/records";
import { respondToWorkflowError } from "../../../respond";
import { INVOICING_READERS, INVOICING_WRITERS } from "../../../../domain/roles";
import { createQuotationWorkflow } from "../../../../workflows/create-quotation";

/** GET /admin/invoicing/quotations?status=&q=&limit=&offset= → newest first. */
export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  const query = parseOrThrow(listQuerySchema, req.query);
  const [rows, count] = await invoicingService(req.scope).listAndCountQuotations(listFilters(query, "quotation_number"), {
    order: listOrder(query, "quotation_number"), take: query.limit, skip: query.offset,
  });
  res.json({ quotations: rows.map(toApiQuotation), count });
});

/** POST /admin/invoicing/quotations → 201 { quotation } (draft, QUO-YYYY-NNNNNN). */
export const POST = staffRoute(INVOICING_WRITERS, async (req, res) => {
  const body = parseOrThrow(createQuotationBodySchema, req.body);
  const { result, errors } = await createQuotationWorkflow(req.scope).run({
    input: { customer_id: body.customer_id, buyer: body.buyer, lines: body.lines, valid_days: body.valid_days, notes: body.notes, created_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ quotation: toApiQuotation(result) });
});
