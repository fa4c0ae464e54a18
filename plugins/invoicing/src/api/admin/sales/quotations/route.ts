import { createQuotationBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { invoicingService } from "../../../../invoicing/context";
import { listFilters, listOrder, listQuerySchema } from "../../../../invoicing/list-query";
import { toApiQuotation, type QuotationRecord } from "../../../../invoicing/records";
import { respondToWorkflowError } from "../../../../invoicing/respond";
import { SALES_READERS, SALES_WRITERS } from "../../../../invoicing/roles";
import { createQuotationWorkflow } from "../../../../workflows/create-quotation";

/** GET /admin/sales/quotations?status=&q=&limit=&offset= → newest first. */
export const GET = staffRoute(SALES_READERS, async (req, res) => {
  const query = parseOrThrow(listQuerySchema, req.query);
  const [rows, count] = await invoicingService(req.scope).listAndCountQuotations(listFilters(query, "quotation_number"), {
    order: listOrder(query, "quotation_number"), take: query.limit, skip: query.offset,
  });
  res.json({ quotations: (rows as unknown as QuotationRecord[]).map(toApiQuotation), count });
});

/** POST /admin/sales/quotations → 201 { quotation } (draft, QUO-YYYY-NNNNNN). */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(createQuotationBodySchema, req.body);
  const { result, errors } = await createQuotationWorkflow(req.scope).run({
    input: { customer_id: body.customer_id, buyer: body.buyer, lines: body.lines, valid_days: body.valid_days, notes: body.notes, created_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ quotation: toApiQuotation(result) });
});
