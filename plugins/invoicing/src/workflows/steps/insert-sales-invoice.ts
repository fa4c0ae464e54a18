import { generateEntityId } from "@medusajs/framework/utils";
import type { SqlTransaction } from "@voltura/medusa-kit";
import { takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import { documentNumber, seriesKey } from "../../domain/numbering";
import { invoicePaymentState } from "../../domain/status";
import type { PricedDocument } from "./prepare-document";
import { invoicingConflict } from "./context";

export interface NewSalesInvoice {
  priced: PricedDocument;
  customer_id: string | null;
  quotation_id: string | null;
  due_days: number;
  notes: string | null;
  created_by: string;
  idempotency_key: string | null;
  request_hash: string | null;
}

/**
 * Takes the next INV number (the `INV-YYYY` number series, shared with the repair desk's invoices so
 * both kinds stay one series without gaps) and stores the invoice, both inside the caller's transaction: a
 * rollback gives the number back, so the series never has a gap. The counter row stays locked
 * until the commit, so callers take the number last, after every check that can refuse.
 */
export async function insertSalesInvoice(trx: SqlTransaction, input: NewSalesInvoice, now: Date): Promise<{ id: string; invoice_number: string }> {
  const { series, year } = seriesKey("INV", now);
  const sequence = await takeNextNumber(trx, series);
  const invoiceNumber = documentNumber("INV", year, sequence);
  const p = input.priced;
  const state = invoicePaymentState(p.total_sen, []);
  const id = generateEntityId(undefined, "sinv");
  await trx.raw(
    `INSERT INTO sales_invoice (id, invoice_number, status, quotation_id, customer_id, buyer, lines, notes, subtotal_sen, discount_sen, sst_sen,
       total_sen, paid_sen, balance_sen, prices_include_tax, issued_at, due_at, created_by, idempotency_key, request_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, now(), now())`,
    [id, invoiceNumber, state.status, input.quotation_id, input.customer_id, JSON.stringify(p.buyer), JSON.stringify(p.lines), input.notes,
      p.subtotal_sen, p.discount_sen, p.sst_sen, p.total_sen, state.balance_sen, p.prices_include_tax, now,
      input.due_days > 0 ? new Date(now.getTime() + input.due_days * 86_400_000) : null, input.created_by, input.idempotency_key, input.request_hash],
  );
  return { id, invoice_number: invoiceNumber };
}

/** 409 for a key already used for another request (never a second document). */
export function idempotencyKeyReused(what: string): Error {
  return invoicingConflict("idempotency_key_reused", `This idempotency_key was already used for a different ${what}`, {
    code: "idempotency_key_reused", field: "idempotency_key",
  });
}
