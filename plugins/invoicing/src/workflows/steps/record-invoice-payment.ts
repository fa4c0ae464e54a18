import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import type { PaymentMethod } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { decideKeyedWrite, requestHash } from "../../domain/idempotency";
import { checkInvoicePayment, invoicePaymentState } from "../../domain/status";
import { invoicingInvalid, notFound } from "./context";
import { idempotencyKeyReused } from "./insert-sales-invoice";

export interface RecordInvoicePaymentInput {
  invoice_id: string;
  method: PaymentMethod;
  amount_sen: number;
  reference: string | null;
  received_by: string;
  /** Optional: a retry with the same key and body records nothing more and answers the same payment; another body is a 409. */
  idempotency_key?: string | null;
}

export interface RecordedInvoicePayment {
  payment_id: string;
  replayed: boolean;
}

/**
 * A (partial) payment in ONE transaction: the invoice row locked FOR UPDATE (payments on one
 * invoice, and copies of one keyed request, queue here), the key checked, the balance checked
 * against the payment rows (more than the balance is a 400 naming amount_sen), the payment row
 * inserted and the invoice's paid amount, balance and status stored with it.
 */
export async function recordInvoicePayment(container: MedusaContainer, input: RecordInvoicePaymentInput): Promise<RecordedInvoicePayment> {
  const key = input.idempotency_key ?? null;
  const hash = requestHash({ invoice_id: input.invoice_id, method: input.method, amount_sen: input.amount_sen, reference: input.reference });
  return sqlConnection(container).transaction(async (trx): Promise<RecordedInvoicePayment> => {
    const [invoice] = await rows(trx, `SELECT id, total_sen FROM sales_invoice WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.invoice_id]);
    if (!invoice) throw notFound("Invoice", input.invoice_id);
    if (key) {
      const [stored] = await rows(trx, `SELECT id, request_hash FROM sales_invoice_payment WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
      const decision = decideKeyedWrite(stored ? { request_hash: (stored.request_hash as string | null) ?? null } : null, hash);
      if (decision === "reused") throw idempotencyKeyReused("payment");
      if (decision === "replay") return { payment_id: String(stored!.id), replayed: true };
    }
    const total = Number(invoice.total_sen);
    const [sum] = await rows(trx,
      `SELECT COALESCE(SUM(amount_sen), 0)::int AS paid FROM sales_invoice_payment WHERE invoice_id = ? AND deleted_at IS NULL`, [input.invoice_id]);
    const paidBefore = Number(sum?.paid ?? 0);
    const check = checkInvoicePayment(invoicePaymentState(total, [{ amount_sen: paidBefore }]).balance_sen, input.amount_sen);
    if (!check.ok) throw invoicingInvalid(check.field, check.message);
    const paymentId = generateEntityId(undefined, "sipay");
    const inserted = await rows(trx,
      `INSERT INTO sales_invoice_payment (id, invoice_id, method, amount_sen, reference, received_by, received_at, idempotency_key, request_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?, now(), now())
       ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL DO NOTHING RETURNING id`,
      [paymentId, input.invoice_id, input.method, input.amount_sen, input.reference, input.received_by, key, key ? hash : null]);
    // The key was taken meanwhile by a payment on another invoice (that one locked another row).
    if (!inserted.length) throw idempotencyKeyReused("payment");
    const after = invoicePaymentState(total, [{ amount_sen: paidBefore + input.amount_sen }]);
    await trx.raw(`UPDATE sales_invoice SET paid_sen = ?, balance_sen = ?, status = ?, updated_at = now() WHERE id = ?`,
      [after.paid_sen, after.balance_sen, after.status, input.invoice_id]);
    return { payment_id: paymentId, replayed: false };
  });
}

/** No compensation on purpose: the payment and the invoice's amounts commit in one database transaction or not at all. */
export const recordInvoicePaymentStep = createStep("record-invoice-payment", async (input: RecordInvoicePaymentInput, { container }) =>
  new StepResponse(await recordInvoicePayment(container, input)),
);
