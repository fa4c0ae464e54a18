import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId, Modules } from "@medusajs/framework/utils";
import { senToRinggit, SHOP_CURRENCY, warrantyEndsAt } from "@voltura/domain";
import { rows, sqlConnection, type SqlTransaction } from "@voltura/medusa-kit";
import type { JobEffect } from "../../domain/job-outbox";
import { commitRepairStatusChange, type StatusCommitOutcome } from "./status-commit";
import type { PickupInput, PickupPlan } from "./prepare-pickup";

/** The payments and warranties of a pickup, written in the move's transaction; the order's transactions follow from the outbox. */
function pickupWriter(input: PickupInput, plan: PickupPlan) {
  return async (trx: SqlTransaction): Promise<JobEffect[]> => {
    const now = new Date();
    const payments = plan.payments.map((p) => ({ ...p, id: generateEntityId(undefined, "rpay") }));
    if (payments.length) {
      await trx("repair_payment").insert(payments.map((p) => ({
        id: p.id, repair_job_id: plan.job_id, invoice_id: plan.invoice_id, method: p.method, amount_sen: p.amount_sen, tendered_sen: p.tendered_sen,
        reference: p.reference, collected_by: input.collected_by, collected_by_ic_last4: input.collected_by_ic_last4 ?? null,
        received_by: input.received_by, received_at: now,
      })));
    }
    if (plan.warranties.length) {
      await trx("repair_warranty").insert(plan.warranties.map((w) => ({
        id: generateEntityId(undefined, "rwty"), repair_job_id: plan.job_id, job_number: plan.job_number, repair_line_id: w.repair_line_id, title: w.title,
        device: plan.device, customer_phone: plan.customer_phone, imei_serial: plan.imei_serial, warranty_days: w.warranty_days,
        starts_at: now, ends_at: warrantyEndsAt(now, w.warranty_days),
      })));
    }
    return payments.length && plan.invoice_id
      ? [{ id: generateEntityId(undefined, "jeff"), kind: "order_payments", invoice_id: plan.invoice_id, payments: payments.map((p) => ({ id: p.id, amount_sen: p.amount_sen })) }]
      : [];
  };
}

/**
 * The pickup in ONE transaction with the move to Delivered: payments, warranties, the move (paid in
 * full checked on the locked job) and the outbox. A job already delivered is left as it is.
 */
export function commitRepairPickup(container: MedusaContainer, input: PickupInput, plan: PickupPlan): Promise<StatusCommitOutcome> {
  const note = `Collected by ${input.collected_by}${input.collected_by_ic_last4 ? ` (IC …${input.collected_by_ic_last4})` : ""}`;
  return commitRepairStatusChange(container, { id: plan.job_id, to: "delivered", note, changed_by: input.received_by }, pickupWriter(input, plan));
}

/** Mirrors pickup payments on the invoice's order as transactions; a payment already mirrored (by reference) is skipped. */
export async function ensureOrderPayments(container: MedusaContainer, invoiceId: string, payments: Array<{ id: string; amount_sen: number }>): Promise<void> {
  const [invoice] = await rows(sqlConnection(container), `SELECT order_id FROM repair_invoice WHERE id = ?`, [invoiceId]);
  const orderId = invoice?.order_id ? String(invoice.order_id) : null;
  if (!orderId) throw new Error(`Invoice ${invoiceId} has no order yet`);
  const mirrored = await rows(sqlConnection(container),
    `SELECT reference_id FROM order_transaction WHERE order_id = ? AND reference = 'repair_payment' AND deleted_at IS NULL`, [orderId]);
  const done = new Set(mirrored.map((r) => String(r.reference_id)));
  const missing = payments.filter((p) => !done.has(p.id));
  if (!missing.length) return;
  await container.resolve(Modules.ORDER).addOrderTransactions(missing.map((p) => ({
    order_id: orderId, amount: senToRinggit(p.amount_sen), currency_code: SHOP_CURRENCY, reference: "repair_payment", reference_id: p.id,
  })));
}
