import { z } from "zod";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { convertQuotation } from "../../../../../../invoicing/convert";
import { loadInvoice, loadQuotation } from "../../../../../../invoicing/documents";
import { toApiInvoice, toApiQuotation } from "../../../../../../invoicing/records";
import { respondToError } from "../../../../../../invoicing/respond";
import { SALES_WRITERS } from "../../../../../../invoicing/roles";

const bodySchema = z.object({ due_days: z.number().int().min(0).max(365).default(0) });

/** Quotation → invoice (INV number from the shop's one series) → 201 { quotation, invoice }; 409 when not convertible. */
export const POST = staffRoute(SALES_WRITERS, async (req, res) => {
  const body = parseOrThrow(bodySchema, req.body ?? {});
  try {
    const done = await convertQuotation(req.scope, { id: req.params.id!, created_by: req.actor.name, due_days: body.due_days });
    res.status(201).json({
      quotation: toApiQuotation(await loadQuotation(req.scope, done.quotation_id)),
      invoice: toApiInvoice(await loadInvoice(req.scope, done.invoice_id)),
    });
  } catch (err) {
    respondToError(res, err);
  }
});
