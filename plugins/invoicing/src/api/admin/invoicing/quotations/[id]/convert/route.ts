import { z } from "zod";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { convertQuotation } from "../../../../../../workflows/steps/convert-quotation";
import { loadInvoice, loadQuotation } from "../../../../../../workflows/steps/documents";
import { toApiInvoice, toApiQuotation } from "../../../../../../api/records";
import { respondToError } from "../../../../../respond";
import { INVOICING_WRITERS } from "../../../../../../domain/roles";

const bodySchema = z.object({ due_days: z.number().int().min(0).max(365).default(0) });

/** Quotation → invoice (INV number from the shop's one series) → 201 { quotation, invoice }; 409 when not convertible. */
export const POST = staffRoute(INVOICING_WRITERS, async (req, res) => {
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
