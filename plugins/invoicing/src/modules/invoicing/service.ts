import type { Context } from "@medusajs/framework/types";
import { giveBackInSeries, takeNextInSeries } from "@voltura/medusa-kit";
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { PaymentMethod } from "@voltura/domain";
import { checkInvoicePayment, invoicePaymentState, type PaymentCheck, type PaymentState } from "../../domain/status";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { DocumentShareLink } from "./models/document-share-link";
import { DocumentTemplate } from "./models/document-template";
import { EInvoiceProfile } from "./models/einvoice-profile";
import { Quotation } from "./models/quotation";
import { QuotationSequence } from "./models/quotation-sequence";
import { SalesInvoice } from "./models/sales-invoice";
import { SalesInvoicePayment } from "./models/sales-invoice-payment";

export interface NewInvoicePayment {
  method: PaymentMethod;
  amount_sen: number;
  reference: string | null;
  received_by: string;
  received_at: Date;
}

export type AddPaymentResult = Exclude<PaymentCheck, { ok: true }> | ({ ok: true; payment_id: string } & PaymentState);

class InvoicingModuleService extends MedusaService({
  Quotation,
  QuotationSequence,
  SalesInvoice,
  SalesInvoicePayment,
  DocumentTemplate,
  EInvoiceProfile,
  DocumentShareLink,
}) {
  /** Next quotation number of a series ("QUO-2026"): one atomic upsert, so concurrent creates never share one. */
  @InjectTransactionManager()
  async allocateQuotationSequence(series: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return takeNextInSeries(sharedContext.transactionManager!, "quotation_sequence", series);
  }

  @InjectTransactionManager()
  async releaseQuotationSequence(series: string, value: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return giveBackInSeries(sharedContext.transactionManager!, "quotation_sequence", series, value);
  }

  /**
   * Moves a quotation only if it is still in `from` (a conditional update), so two staff members
   * (or a follow-up and a conversion) racing each other cannot both win.
   */
  @InjectTransactionManager()
  async moveQuotationStatus(
    id: string, from: readonly string[], to: string, extra: { decided_at?: Date | null; sent_at?: Date | null; converted_invoice_id?: string | null } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<boolean> {
    const rows: unknown[] = await sharedContext.transactionManager!.execute(
      `UPDATE quotation SET status = ?, decided_at = COALESCE(?, decided_at), sent_at = COALESCE(?, sent_at),
         converted_invoice_id = COALESCE(?, converted_invoice_id), updated_at = now()
       WHERE id = ? AND status IN (${from.map(() => "?").join(", ")}) AND deleted_at IS NULL RETURNING id`,
      [to, extra.decided_at ?? null, extra.sent_at ?? null, extra.converted_invoice_id ?? null, id, ...from],
    );
    return rows.length > 0;
  }

  /**
   * Adds a payment under a row lock on the invoice, then stores the new paid amount, balance and
   * status, all in one transaction: two cashiers taking the last payment at once cannot overpay.
   */
  @InjectTransactionManager()
  async addPaymentAtomically(
    invoiceId: string, payment: NewInvoicePayment, @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<AddPaymentResult> {
    const db = sharedContext.transactionManager!;
    const rows = (await db.execute(
      `SELECT total_sen, paid_sen, balance_sen FROM sales_invoice WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [invoiceId],
    )) as Array<{ total_sen: number; paid_sen: number; balance_sen: number }>;
    if (!rows[0]) return { ok: false, field: "id", message: `Invoice ${invoiceId} was not found` };
    const check = checkInvoicePayment(Number(rows[0].balance_sen), payment.amount_sen);
    if (!check.ok) return check;
    const id = generateEntityId(undefined, "sipay");
    await db.execute(
      `INSERT INTO sales_invoice_payment (id, invoice_id, method, amount_sen, reference, received_by, received_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())`,
      [id, invoiceId, payment.method, payment.amount_sen, payment.reference, payment.received_by, payment.received_at],
    );
    const state = await this.refreshPaymentState(invoiceId, Number(rows[0].total_sen), sharedContext);
    return { ok: true, payment_id: id, ...state };
  }

  /** Removes a payment (compensation) and recomputes the invoice's balance and status. */
  @InjectTransactionManager()
  async removePaymentAtomically(invoiceId: string, paymentId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!;
    const rows = (await db.execute(`SELECT total_sen FROM sales_invoice WHERE id = ? FOR UPDATE`, [invoiceId])) as Array<{ total_sen: number }>;
    await db.execute(`DELETE FROM sales_invoice_payment WHERE id = ?`, [paymentId]);
    if (rows[0]) await this.refreshPaymentState(invoiceId, Number(rows[0].total_sen), sharedContext);
  }

  private async refreshPaymentState(invoiceId: string, totalSen: number, sharedContext: Context<EntityManager>): Promise<PaymentState> {
    const db = sharedContext.transactionManager!;
    const payments = (await db.execute(
      `SELECT amount_sen FROM sales_invoice_payment WHERE invoice_id = ? AND deleted_at IS NULL`, [invoiceId],
    )) as Array<{ amount_sen: number }>;
    const state = invoicePaymentState(totalSen, payments.map((p) => ({ amount_sen: Number(p.amount_sen) })));
    await db.execute(
      `UPDATE sales_invoice SET paid_sen = ?, balance_sen = ?, status = ?, updated_at = now() WHERE id = ?`,
      [state.paid_sen, state.balance_sen, state.status, invoiceId],
    );
    return state;
  }
}

export default InvoicingModuleService;
