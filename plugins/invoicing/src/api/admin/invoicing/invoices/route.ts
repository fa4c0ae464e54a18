import { createSalesInvoiceBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { invoicingService } from "../../../../workflows/steps/context";
import { loadInvoice } from "../../../../workflows/steps/documents";
import { listFilters, listOrder, listQuerySchema } from "../list-query";
import { toApiInvoice } from "../../../../api/records";
import { createSalesInvoice } from "../../../../workflows/steps/create-sales-invoice";
import { respondToError } from "../../../respond";
import { INVOICING_READERS, INVOICING_WRITERS } from "../../../../domain/roles";

/** GET /admin/invoicing/invoices?status=unpaid,partially_paid&q= → newest first, with payments. */
export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  const query = parseOrThrow(listQuerySchema, req.query);
  const [rows, count] = await invoicingService(req.scope).listAndCountSalesInvoices(listFilters(query, "invoice_number"), {
    order: listOrder(query, "invoice_number"), take: query.limit, skip: query.offset, relations: ["payments"],
  });
  res.json({ invoices: rows.map(toApiInvoice), count });
});

/**
 * A counter / B2B invoice without a quotation → 201 { invoice, replayed }. With an idempotency_key,
 * the same request again (a retry, even concurrently, even after a crash) answers 201 with the
 * invoice it made (replayed: true) and never takes a second number; another body under the key is
 * 409 idempotency_key_reused.
 */
export const POST = staffRoute(INVOICING_WRITERS, async (req, res) => {
  const body = parseOrThrow(createSalesInvoiceBodySchema, req.body);
  try {
    const done = await createSalesInvoice(req.scope, { ...body, created_by: req.actor.name });
    res.status(201).json({ invoice: toApiInvoice(await loadInvoice(req.scope, done.invoice_id)), replayed: done.replayed });
  } catch (err) {
    respondToError(res, err);
  }
});
