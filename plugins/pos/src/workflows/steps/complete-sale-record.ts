import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { posService } from "../../sales/context";
import type { CheckoutPlan } from "../../sales/plan";

export interface CompleteSaleInput {
  plan: CheckoutPlan;
  receipt_number: string;
  order_id: string;
  customer_id: string | null;
}

/**
 * Fills the claimed sale row (numbers, totals, customer, order) and writes its lines, payments and
 * approvals. Compensation removes what it wrote and sets the row back to pending (the claim step's
 * compensation then removes the row).
 */
export const completeSaleRecordStep = createStep(
  "complete-pos-sale-record",
  async ({ plan, receipt_number, order_id, customer_id }: CompleteSaleInput, { container }) => {
    const service = posService(container);
    const now = new Date();
    const t = plan.totals;
    const s = plan.settlement;
    await service.updatePosSales({
      id: plan.sale_id, status: "completed", receipt_number, order_id, shift_id: plan.shift_id,
      customer_id, customer_phone: plan.customer?.phone ?? null, customer_name: plan.customer?.name ?? null,
      subtotal_sen: t.subtotal_sen, line_discount_sen: t.line_discount_sen, promotion_discount_sen: t.promotion_discount_sen,
      cart_discount_sen: t.cart_discount_sen, discount_sen: t.discount_sen, promo_codes: plan.promo_codes as unknown as Record<string, unknown>,
      sst_sen: t.sst_sen, sst_by_rate: t.sst_by_rate as unknown as Record<string, unknown>, sst_included: t.sst_included, total_sen: t.total_sen,
      cash_rounding_sen: s.cash_rounding_adjustment_sen, rounded_total_sen: s.rounded_total_sen, tendered_sen: s.tendered_sen,
      paid_sen: s.paid_sen, change_sen: s.change_sen, balance_due_sen: s.balance_due_sen, note: plan.note, sold_at: now,
    });
    const lines = await service.createPosSaleLines(plan.lines.map((l) => ({
      sale_id: plan.sale_id, position: l.position, variant_id: l.variant_id, product_id: l.product_id || null,
      inventory_item_id: l.inventory_item_id, title: l.title, sku: l.sku, kind: l.kind, quantity: l.quantity,
      unit_price_sen: l.unit_price_sen, gross_sen: l.gross_sen, line_discount_sen: l.line_discount_sen, promotion_sen: l.promotion_sen,
      cart_discount_sen: l.cart_discount_sen, net_sen: l.net_sen, sst_rate_bp: l.sst_rate_bp, sst_sen: l.sst_sen, total_sen: l.total_sen,
      returned_quantity: 0, stock_override: l.stock_override,
    })));
    const payments = plan.payments.length
      ? await service.createPosPayments(plan.payments.map((p) => ({
        sale_id: plan.sale_id, stage: "checkout" as const, method: p.method, amount_sen: p.amount_sen, tendered_sen: p.tendered_sen,
        change_sen: p.change_sen, cash_rounding_sen: p.cash_rounding_sen, reference: p.reference, shift_id: plan.shift_id,
        received_by: plan.cashier.name, received_at: now,
      })))
      : [];
    const approvals = plan.approvals.length && plan.approver
      ? await service.createPosApprovals(plan.approvals.map((a) => ({
        sale_id: plan.sale_id, kind: a.kind, method: plan.approver!.method, approved_by: plan.approver!.id,
        approved_by_name: plan.approver!.name, requested_by: plan.cashier.name, detail: a.detail,
      })))
      : [];
    const undo = { sale_id: plan.sale_id, line_ids: lines.map((l) => l.id), payment_ids: payments.map((p) => p.id), approval_ids: approvals.map((a) => a.id) };
    return new StepResponse({ sale_id: plan.sale_id }, undo);
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = posService(container);
    if (undo.approval_ids.length) await service.deletePosApprovals(undo.approval_ids);
    if (undo.payment_ids.length) await service.deletePosPayments(undo.payment_ids);
    if (undo.line_ids.length) await service.deletePosSaleLines(undo.line_ids);
    await service.updatePosSales({ id: undo.sale_id, status: "pending", receipt_number: null, order_id: null });
  },
);
