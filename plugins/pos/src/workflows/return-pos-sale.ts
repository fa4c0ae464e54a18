import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { emitEventStep } from "@medusajs/medusa/core-flows";
import type { PaymentMethod } from "@voltura/domain";
import { checkRefundRules, lineRefundSen, settleRefund, type RefundRuleReason } from "@voltura/pos-rules";
import { applyStockMovementsStep } from "@voltura/plugin-procurement/workflows";
import type { Approver } from "../sales/approver";
import { findShopLocationId, loadPosSettings, posService } from "../sales/context";
import { currentShiftId } from "../sales/current-shift";
import { posApprovalRequired, posConflict, posInvalid } from "../sales/errors";
import { addOrderMoney, removeOrderMoney } from "../sales/order-transactions";

export const POS_SALE_RETURNED = "pos.sale.returned";

export interface ReturnPosSaleInput {
  sale_id: string;
  idempotency_key: string;
  lines: Array<{ line_id: string; quantity: number }>;
  restock: boolean;
  /** Null: back by the original tender. */
  refund_method: PaymentMethod | null;
  reason: string | null;
  actor: { id: string; name: string };
  /** The manager approving (their own session, or credentials typed at the till), or null. */
  approver: Approver | null;
}

interface ReturnPlan {
  sale_id: string;
  order_id: string | null;
  shift_id: string | null;
  lines: Array<{ line_id: string; quantity: number; refund_sen: number; title: string }>;
  refund_method: PaymentMethod;
  refund: ReturnType<typeof settleRefund>;
  /** The rules this refund goes past (a manager approved them), empty when none. */
  approval_reasons: RefundRuleReason[];
  movements: Array<{ inventory_item_id: string; location_id: string; quantity_delta: number; kind: "return"; reference_type: string; reference_id: string; actor_id: string; reason: string | null }>;
}

/** What comes back and what is refunded: each line's share of what was paid; no more than was sold or paid. Reads only. */
const prepareReturnStep = createStep("prepare-pos-return", async (input: ReturnPosSaleInput, { container }) => {
  const service = posService(container);
  const [sale] = await service.listPosSales({ id: input.sale_id, status: "completed" }, { take: 1 });
  if (!sale) throw posInvalid(`Invalid request: sale ${input.sale_id} was not found`, { field: "sale_id" });
  const saleLines = await service.listPosSaleLines({ sale_id: sale.id });
  const lines = input.lines.map((wanted, i) => {
    const line = saleLines.find((l) => l.id === wanted.line_id);
    if (!line) throw posInvalid(`Invalid request: lines.${i}.line_id: not a line of sale ${sale.receipt_number}`, { field: `lines.${i}.line_id` });
    const left = Number(line.quantity) - Number(line.returned_quantity);
    if (wanted.quantity > left) {
      throw posConflict("over_return", `lines.${i}.quantity: only ${left} of ${line.title} left to return`, { field: `lines.${i}.quantity`, available: left });
    }
    return { line, quantity: wanted.quantity };
  });
  const refunds = lines.map(({ line, quantity }) => lineRefundSen({ quantity: Number(line.quantity), total_sen: Number(line.total_sen), returned_quantity: Number(line.returned_quantity) }, quantity));
  const refundSen = refunds.reduce((a, b) => a + b, 0);
  const refundable = Number(sale.paid_sen) - Number(sale.refunded_sen);
  if (refundSen > refundable) {
    throw posConflict("refund_exceeds_paid", `The refund (${refundSen} sen) is more than what was paid and not yet refunded (${refundable} sen)`, { refundable_sen: refundable });
  }
  const [payments, earlier, settings] = await Promise.all([
    service.listPosPayments({ sale_id: sale.id }, { select: ["method", "amount_sen"] }),
    service.listPosReturns({ sale_id: sale.id }, { select: ["refund_method", "refund_sen"] }),
    loadPosSettings(container),
  ]);
  if (!payments.length && !input.refund_method) throw posInvalid("Invalid request: refund_method: the sale has no payments to follow; choose a method", { field: "refund_method" });
  const rules = checkRefundRules({
    refund_sen: refundSen,
    method: input.refund_method,
    tenders: payments.map((p) => ({ method: p.method as PaymentMethod, amount_sen: Number(p.amount_sen) })),
    earlier_refunds: earlier.map((r) => ({ method: r.refund_method as PaymentMethod, refund_sen: Number(r.refund_sen) })),
    limit_sen: settings.refund_approval_limit_sen,
  });
  if (rules.approval_required && !input.approver) {
    throw posApprovalRequired(`A manager must approve this refund (manager_approval): ${rules.reasons.map((r) => r.message).join("; ")}`, {
      rule: rules.reasons[0]!.code, reasons: rules.reasons, default_method: rules.default_method, refund_sen: refundSen,
      limit_sen: settings.refund_approval_limit_sen,
    });
  }
  const locationId = input.restock ? await findShopLocationId(container) : "";
  const plan: ReturnPlan = {
    sale_id: sale.id,
    order_id: sale.order_id ?? null,
    shift_id: await currentShiftId(container, String(sale.register_id)),
    lines: lines.map(({ line, quantity }, i) => ({ line_id: line.id, quantity, refund_sen: refunds[i]!, title: line.title })),
    refund_method: rules.method,
    refund: settleRefund(refundSen, rules.method === "cash"),
    approval_reasons: rules.reasons,
    movements: input.restock
      ? lines.filter(({ line }) => line.inventory_item_id).map(({ line, quantity }) => ({
        inventory_item_id: line.inventory_item_id!, location_id: locationId, quantity_delta: quantity, kind: "return" as const,
        reference_type: "pos_return", reference_id: sale.id, actor_id: input.actor.id, reason: input.reason,
      }))
      : [],
  };
  return new StepResponse(plan);
});

/** Books the return: returned quantities (conditional, so racing returns cannot over-return), the return row, the refund on the sale and its order. */
const recordReturnStep = createStep(
  "record-pos-return",
  async ({ plan, input }: { plan: ReturnPlan; input: ReturnPosSaleInput }, { container }) => {
    const service = posService(container);
    const booked: Array<{ line_id: string; quantity: number }> = [];
    const undoLines = async () => {
      for (const b of booked) await service.addReturnedQuantity(b.line_id, -b.quantity);
    };
    for (const line of plan.lines) {
      if (!(await service.addReturnedQuantity(line.line_id, line.quantity))) {
        await undoLines();
        throw posConflict("over_return", `${line.title} was returned meanwhile; nothing is left to return`, { line_id: line.line_id });
      }
      booked.push(line);
    }
    const row = await service.createPosReturns({
      sale_id: plan.sale_id, idempotency_key: input.idempotency_key, lines: plan.lines as unknown as Record<string, unknown>,
      restock: input.restock, refund_method: plan.refund_method, refund_sen: plan.refund.refund_sen, paid_out_sen: plan.refund.paid_out_sen,
      cash_rounding_sen: plan.refund.cash_rounding_sen, reason: input.reason, shift_id: plan.shift_id, created_by: input.actor.id, created_by_name: input.actor.name,
      approved_by: input.approver?.id ?? null, approved_by_name: input.approver?.name ?? null, approval_method: input.approver?.method ?? null,
      approval_reasons: plan.approval_reasons.map((r) => r.code) as unknown as Record<string, unknown>,
    });
    await service.shiftSaleAmounts(plan.sale_id, { refunded_sen: plan.refund.refund_sen });
    const transactions = await addOrderMoney(container, plan.order_id, [{ amount_sen: -plan.refund.refund_sen, reference: `pos_refund_${plan.refund_method}`, reference_id: row.id }]);
    return new StepResponse({ return_id: row.id, refund_method: plan.refund_method, approval_reasons: plan.approval_reasons }, { return_id: row.id, sale_id: plan.sale_id, booked, refund_sen: plan.refund.refund_sen, transactions });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = posService(container);
    await removeOrderMoney(container, undo.transactions);
    await service.shiftSaleAmounts(undo.sale_id, { refunded_sen: -undo.refund_sen });
    await service.deletePosReturns(undo.return_id);
    for (const b of undo.booked) await service.addReturnedQuantity(b.line_id, -b.quantity);
  },
);

/**
 * A return against a sale: optional restock through the ledger (kind "return"), refund by the
 * original tender unless a manager approves another method, a manager for refunds above the
 * shop's limit, who did it and who approved it.
 */
export const returnPosSaleWorkflow = createWorkflow("return-pos-sale", (input: ReturnPosSaleInput) => {
  const plan = prepareReturnStep(input);
  const movements = transform({ plan }, ({ plan }) => plan.movements);
  when("pos-return-restocks", { movements }, ({ movements }) => movements.length > 0).then(() => {
    applyStockMovementsStep({ movements });
  });
  const recorded = recordReturnStep({ plan, input });
  emitEventStep({ eventName: POS_SALE_RETURNED, data: transform({ recorded, input }, ({ recorded, input }) => ({ id: input.sale_id, return_id: recorded.return_id })) });
  return new WorkflowResponse(recorded);
});
