import { createSalesInvoiceBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { invoicingService } from "../../../../invoicing/context";
import { loadInvoice } from "../../../../invoicing/documents";
import { listFilters, listOrder, listQuerySchema } from "../../../../invoicing/list-query";
import { toApiInvoice, type SalesInvoiceRecord } from "../../../../invoicing/records";
import { createSalesInvoice } from "../../../../invoicing/create-invoice";
import { respondToError } from "../../../../invoicing/respond";
import { SALES_READERS, SALES_WRITERS } from "../../../../invoicing/roles";

/** GET /admin/sales/invoices?status=unpaid,partially_paid&q= → newest first, with payments. */
export const GET = staffRoute(SALES_READERS, async (req, res) => {
  const query = parseOrThrow(listQuerySchema, req.query);
  const [rows, count] = await invoicingService(req.scope).listAndCountSalesInvoices(listFilters(query, "invoice_number"), {
    order: listOrder(query, "invoice_number"), take: query.limit, skip: query.offset, relations: ["payments"],
  });
  res.json({ invoices: (rows as unknown as SalesInvoiceRecord[]).map(toApiInvoice), count });
});

/**
 * A counter / B2B invoice without a quotation → 201 { invoice, replayed }. With an idempotency_key,
 * the same request again (a retry, even concurrently, even after a crash) answers 201 with the
 * invoice it made (replayed: true) and never takes a second number; another body under the key is
 * 409 idempotency_key_reused.
 */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(createSalesInvoiceBodySchema, req.body);
  try {
    const done = await createSalesInvoice(req.scope, { ...body, created_by: req.actor.name });
    res.status(201).json({ invoice: toApiInvoice(await loadInvoice(req.scope, done.invoice_id)), replayed: done.replayed });
  } catch (err) {
    respondToError(res, err);
  }
});
