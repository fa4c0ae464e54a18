import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { z } from "zod";
import type { Buyer, DocumentLine } from "../../domain/lines";
import { QUOTATION_STATUSES, quotationConvertible } from "../../domain/status";
import type { PricedDocument } from "./prepare-document";
import { invoicingConflict, notFound } from "./context";
import { signalQuotationClosed } from "./signal-quotation-closed";
import { loadInvoice, loadQuotation } from "./documents";
import { insertSalesInvoice } from "./insert-sales-invoice";

export interface ConvertQuotationInput {
  id: string;
  created_by: string;
  due_days: number;
}

export interface ConvertedQuotation {
  quotation_id: string;
  invoice_id: string;
}

/** The quotation row as read under its lock (raw SQL); lines and buyer are the JSON stored when it was priced. */
const lockedQuotationSchema = z.object({
  id: z.string(),
  quotation_number: z.string(),
  status: z.enum(QUOTATION_STATUSES),
  customer_id: z.string().nullable(),
  buyer: z.custom<Buyer>((v) => typeof v === "object" && v !== null),
  lines: z.custom<DocumentLine[]>((v) => Array.isArray(v)),
  notes: z.string().nullable(),
  subtotal_sen: z.number().int(),
  discount_sen: z.number().int(),
  sst_sen: z.number().int(),
  total_sen: z.number().int(),
  prices_include_tax: z.boolean(),
  converted_invoice_id: z.string().nullable(),
});
type LockedQuotation = z.infer<typeof lockedQuotationSchema>;

/** The quotation's priced content exactly as offered. */
function offered(q: LockedQuotation): PricedDocument {
  return {
    buyer: q.buyer, lines: q.lines, subtotal_sen: q.subtotal_sen, discount_sen: q.discount_sen, sst_sen: q.sst_sen,
    total_sen: q.total_sen, prices_include_tax: q.prices_include_tax,
  };
}

/**
 * Quotation → invoice in ONE transaction: the quotation row locked FOR UPDATE and checked (a
 * second convert waits here and gets its 409 before any number is taken), the next INV number of
 * the shop's one series, the invoice with the quotation's lines and totals as offered, and the
 * quotation marked converted. A crash anywhere before the commit leaves neither invoice nor gap.
 *
 * After the commit the follow-up reminders are told to stop, best-effort: if that signal is lost,
 * the follow-up's reminder and expiry activities read the quotation first and stop on any status
 * other than "sent".
 */
export async function convertQuotation(container: MedusaContainer, input: ConvertQuotationInput): Promise<ConvertedQuotation> {
  const now = new Date();
  const done = await sqlConnection(container).transaction(async (trx) => {
    const [row] = await rows(trx, `SELECT * FROM quotation WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.id]);
    if (!row) throw notFound("Quotation", input.id);
    const quotation = lockedQuotationSchema.parse(row);
    if (!quotationConvertible(quotation.status)) {
      throw invoicingConflict("not_convertible", `Quotation ${quotation.quotation_number} is ${quotation.status} and cannot be converted`, {
        status: quotation.status, converted_invoice_id: quotation.converted_invoice_id,
      });
    }
    const invoice = await insertSalesInvoice(trx, {
      priced: offered(quotation), customer_id: quotation.customer_id, quotation_id: quotation.id, due_days: input.due_days,
      notes: quotation.notes, created_by: input.created_by, idempotency_key: null, request_hash: null,
    }, now);
    await trx.raw(
      `UPDATE quotation SET status = 'converted', converted_invoice_id = ?, decided_at = ?, updated_at = now() WHERE id = ?`,
      [invoice.id, now, quotation.id],
    );
    return { quotation_id: quotation.id, quotation_number: quotation.quotation_number, previous: quotation.status, invoice_id: invoice.id };
  });
  if (done.previous === "sent") {
    try {
      await signalQuotationClosed(container, done.quotation_number, "converted");
    } catch (err) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(
        `Quotation ${done.quotation_number} converted; its follow-up was not told (${(err as Error).message}) and stops at its next reminder`,
      );
    }
  }
  return { quotation_id: done.quotation_id, invoice_id: done.invoice_id };
}

/** No compensation on purpose: the conversion commits in one database transaction or not at all. */
export const convertQuotationStep = createStep("convert-quotation", async (input: ConvertQuotationInput, { container }) => {
  const done = await convertQuotation(container, input);
  return new StepResponse({ quotation: await loadQuotation(container, done.quotation_id), invoice: await loadInvoice(container, done.invoice_id) });
});
