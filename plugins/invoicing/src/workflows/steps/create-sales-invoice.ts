import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { MedusaContainer } from "@medusajs/framework/types";
import { rows, sqlConnection, type Sql } from "@voltura/medusa-kit";
import { decideKeyedWrite, requestHash } from "../../domain/idempotency";
import type { Buyer, DocumentLine } from "../../domain/lines";
import { loadInvoice } from "./documents";
import { priceDocument } from "./prepare-document";
import { idempotencyKeyReused, insertSalesInvoice } from "./insert-sales-invoice";

export interface CreateSalesInvoiceInput {
  customer_id: string | null;
  buyer: Buyer;
  lines: DocumentLine[];
  due_days: number;
  notes: string | null;
  created_by: string;
  /** Optional: a retry with the same key and body answers the invoice it made; another body is a 409. */
  idempotency_key?: string | null;
}

export interface CreatedSalesInvoice {
  invoice_id: string;
  replayed: boolean;
}

async function invoiceUnderKey(db: Sql, key: string): Promise<{ id: string; request_hash: string | null } | null> {
  const [row] = await rows(db, `SELECT id, request_hash FROM sales_invoice WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return row ? { id: String(row.id), request_hash: (row.request_hash as string | null) ?? null } : null;
}

/** What a keyed write decides from the row stored under its key: the invoice to answer, or nothing yet. */
function answerFromKey(stored: { id: string; request_hash: string | null } | null, hash: string): CreatedSalesInvoice | null {
  const decision = decideKeyedWrite(stored, hash);
  if (decision === "reused") throw idempotencyKeyReused("invoice");
  return decision === "replay" ? { invoice_id: stored!.id, replayed: true } : null;
}

/**
 * A counter / B2B invoice in ONE transaction: under a transaction lock on its idempotency key (a
 * second copy with the key waits there, then replays the first one's invoice without taking a
 * number), the next INV number and the invoice row with the key and the request's hash.
 */
export async function createSalesInvoice(container: MedusaContainer, input: CreateSalesInvoiceInput): Promise<CreatedSalesInvoice> {
  const key = input.idempotency_key ?? null;
  const hash = requestHash({ customer_id: input.customer_id, buyer: input.buyer, lines: input.lines, due_days: input.due_days, notes: input.notes });
  const db = sqlConnection(container);
  if (key) {
    const known = answerFromKey(await invoiceUnderKey(db, key), hash);
    if (known) return known;
  }
  const priced = await priceDocument(container, input.buyer, input.lines);
  return db.transaction(async (trx): Promise<CreatedSalesInvoice> => {
    if (key) {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`sales_invoice:${key}`]);
      const known = answerFromKey(await invoiceUnderKey(trx, key), hash);
      if (known) return known;
    }
    const invoice = await insertSalesInvoice(trx, {
      priced, customer_id: input.customer_id, quotation_id: null, due_days: input.due_days, notes: input.notes,
      created_by: input.created_by, idempotency_key: key, request_hash: key ? hash : null,
    }, new Date());
    return { invoice_id: invoice.id, replayed: false };
  });
}

/** No compensation on purpose: number and invoice commit in one database transaction or not at all. */
export const createSalesInvoiceStep = createStep("create-sales-invoice", async (input: CreateSalesInvoiceInput, { container }) => {
  const done = await createSalesInvoice(container, input);
  return new StepResponse(await loadInvoice(container, done.invoice_id));
});
