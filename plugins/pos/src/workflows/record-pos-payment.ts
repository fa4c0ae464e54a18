import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { formatMYR } from "@voltura/domain";
import type { PosTender } from "@voltura/medusa-client";
import { settlePayments } from "@voltura/pos-rules";
import { posService } from "../sales/context";
import { currentShiftId } from "../sales/current-shift";
import { posConflict, posInvalid } from "../sales/errors";
import { addOrderMoney, removeOrderMoney } from "../sales/order-transactions";
import { plannedPayments } from "../sales/plan";

export interface RecordPosPaymentInput {
  sale_id: string;
  idempotency_key: string;
  payments: PosTender[];
  received_by: string;
}

/**
 * Takes a later payment against a sale's balance due. The cash part is rounded to 5 sen when it
 * settles the balance (as at checkout); overpaying by card is refused naming the payment.
 * Compensation removes the payments, their order transactions and restores the sale's amounts.
 */
const recordPosPaymentStep = createStep(
  "record-pos-payment",
  async (input: RecordPosPaymentInput, { container }) => {
    const service = posService(container);
    const [sale] = await service.listPosSales({ id: input.sale_id, status: "completed" }, { take: 1 });
    if (!sale) throw posInvalid(`Invalid request: sale ${input.sale_id} was not found`, { field: "sale_id" });
    const due = Number(sale.balance_due_sen);
    if (due <= 0) throw posConflict("nothing_due", `Sale ${sale.receipt_number} is fully paid`);
    const settlement = settlePayments(due, input.payments);
    if (!settlement.ok) {
      const first = settlement.errors[0]!;
      throw posInvalid(`Invalid request: ${first.field}: ${first.message}`, { field: first.field, errors: settlement.errors });
    }
    const shiftId = await currentShiftId(container, String(sale.register_id));
    const now = new Date();
    const planned = plannedPayments(settlement, input.payments.map((p) => p.reference ?? null));
    const rows = await service.createPosPayments(planned.map((p, i) => ({
      sale_id: sale.id, stage: "balance" as const, method: p.method, amount_sen: p.amount_sen, tendered_sen: p.tendered_sen,
      change_sen: p.change_sen, cash_rounding_sen: p.cash_rounding_sen, reference: p.reference, shift_id: shiftId,
      idempotency_key: `${input.idempotency_key}:${i}`, received_by: input.received_by, received_at: now,
    })));
    const delta = {
      paid_sen: settlement.paid_sen, balance_due_sen: settlement.balance_due_sen - due, tendered_sen: settlement.tendered_sen,
      change_sen: settlement.change_sen, cash_rounding_sen: settlement.cash_rounding_adjustment_sen, rounded_total_sen: settlement.cash_rounding_adjustment_sen,
    };
    await service.shiftSaleAmounts(sale.id, delta);
    const transactions = await addOrderMoney(container, sale.order_id ?? null, rows.map((r) => ({ amount_sen: Number(r.amount_sen), reference: `pos_${r.method}`, reference_id: r.id })));
    return new StepResponse(
      { sale_id: sale.id, paid_sen: settlement.paid_sen, balance_due_sen: settlement.balance_due_sen, formatted_paid: formatMYR(settlement.paid_sen) },
      { sale_id: sale.id, payment_ids: rows.map((r) => r.id), delta, transactions },
    );
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = posService(container);
    await removeOrderMoney(container, undo.transactions);
    const negate = Object.fromEntries(Object.entries(undo.delta).map(([k, v]) => [k, -v]));
    await service.shiftSaleAmounts(undo.sale_id, negate);
    await service.deletePosPayments(undo.payment_ids);
  },
);

export const recordPosPaymentWorkflow = createWorkflow("record-pos-payment", (input: RecordPosPaymentInput) => {
  return new WorkflowResponse(recordPosPaymentStep(input));
});
