import { createSalesInvoiceBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { invoicingService } from "../../../../invoicing/context";
import { loadInvoice } from "../../../../invoicing/documents";
import { listFilters, listQuerySchema } from "../../../../invoicing/list-query";
import { toApiInvoice, type SalesInvoiceRecord } from "../../../../invoicing/records";
import { respondToWorkflowError } from "../../../../invoicing/respond";
import { SALES_READERS, SALES_WRITERS } from "../../../../invoicing/roles";
import { createSalesInvoiceWorkflow } from "../../../../workflows/create-sales-invoice";

/** GET /admin/sales/invoices?status=unpaid,partially_paid&q= → newest first, with payments. */
export const GET = staffRoute(SALES_READERS, async (req, res) => {
  const query = parseOrThrow(listQuerySchema, req.query);
  const [rows, count] = await invoicingService(req.scope).listAndCountSalesInvoices(listFilters(query, "invoice_number"), {
    order: { created_at: "DESC" }, take: query.limit, skip: query.offset, relations: ["payments"],
  });
  res.json({ invoices: (rows as unknown as SalesInvoiceRecord[]).map(toApiInvoice), count });
});

/** A counter / B2B invoice without a quotation → 201 { invoice }. */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(createSalesInvoiceBodySchema, req.body);
  const { result, errors } = await createSalesInvoiceWorkflow(req.scope).run({
    input: { customer_id: body.customer_id, buyer: body.buyer, lines: body.lines, due_days: body.due_days, notes: body.notes, created_by: req.actor.name },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ invoice: toApiInvoice(await loadInvoice(req.scope, result.id)) });
});
